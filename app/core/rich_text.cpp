#include "rich_text.h"

namespace coach {

RichText parse_rich_text(std::string_view source) {
    RichText out;
    std::size_t at = 0;
    while (at < source.size()) {
        const std::size_t open = source.find("[[", at);
        if (open == std::string_view::npos) {
            out.plain.append(source.substr(at));
            break;
        }
        out.plain.append(source.substr(at, open - at));
        const std::size_t close = source.find("]]", open + 2);
        const std::size_t bar = source.find('|', open + 2);
        const std::size_t nested = source.find("[[", open + 2);
        if (close == std::string_view::npos || bar == std::string_view::npos || bar > close || bar == open + 2 || bar + 1 == close ||
            nested < close) {
            const std::size_t shown = close == std::string_view::npos ? std::min(source.size() - open, std::size_t{40}) : close + 2 - open;
            if (out.error.empty()) out.error = std::string(source.substr(open, shown));
            out.plain.append(source.substr(open, 2));  // keep the text, unlinked
            at = open + 2;
            continue;
        }
        TextLink link;
        link.begin = out.plain.size();
        out.plain.append(source.substr(open + 2, bar - open - 2));
        link.end = out.plain.size();
        link.term = std::string(source.substr(bar + 1, close - bar - 1));
        out.links.push_back(std::move(link));
        at = close + 2;
    }
    return out;
}

}  // namespace coach
