// json_config: how RapidJSON is compiled, the same in every file that uses it (include this
// first, instead of RapidJSON's headers directly; the learner document's cereal archives are
// in json_archive.h).
//   - RapidJSON's assertions throw: the archives check a value's type before they ask for it,
//     so an assertion failing is a bug of ours, and it becomes an error the reader reports,
//     never an abort or (in a release build, where assert() checks nothing) undefined behaviour;
//   - parsing is iterative (no recursion per nesting level) and validates UTF-8;
//   - no full-precision number parsing: the document holds integers and scores to a millionth
//     (which read back exactly without it; learner_json.h), and RapidJSON 1.1.0's
//     full-precision path has undefined behaviour (clz of zero in DiyFp::Normalize).
#pragma once
#include <stdexcept>

#define RAPIDJSON_ASSERT(x) \
    if (!(x)) { throw std::logic_error("RapidJSON assertion failed: " #x); }
#define RAPIDJSON_PARSE_DEFAULT_FLAGS kParseIterativeFlag | kParseValidateEncodingFlag
