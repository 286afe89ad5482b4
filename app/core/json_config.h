// json_config: how RapidJSON is compiled, the same in every file that uses it (include this
// first, instead of cereal's or RapidJSON's headers directly).
//   - cereal's JSON header makes RapidJSON's assertions throw, so a wrong-typed value becomes
//     an exception the reader turns into a message;
//   - parsing is iterative (no recursion per nesting level) and validates UTF-8;
//   - no full-precision number parsing: the document holds integers only, and RapidJSON
//     1.1.0's full-precision path has undefined behaviour (clz of zero in DiyFp::Normalize).
#pragma once
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseIterativeFlag | kParseValidateEncodingFlag
#include "cereal/archives/json.hpp"
