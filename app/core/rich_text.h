// rich_text: lesson text with glossary links, written `[[display text|term-id]]`.
// The reader shows the display text and makes it tappable; the validator checks each id.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace coach {

struct TextLink {
    std::size_t begin = 0, end = 0;  // byte range in RichText::plain
    std::string term;                // glossary id
};

struct RichText {
    std::string plain;  // the text as shown: links replaced by their display text
    std::vector<TextLink> links;
    std::string error;  // a malformed link, quoted; empty when all is well
};

RichText parse_rich_text(std::string_view source);

}  // namespace coach
