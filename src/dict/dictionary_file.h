// DictionaryFile: parses dyad's line-oriented dictionary text format
// (docs/formats/dictionaries.md) into entries, reporting every fault with
// file:line. Used for actors, agents and verb patterns alike; the meaning of
// a code is checked by the loader of each kind.
#ifndef DYAD_DICT_DICTIONARY_FILE_H_
#define DYAD_DICT_DICTIONARY_FILE_H_

#include <string>
#include <string_view>
#include <vector>

#include "dyad/article.h"
#include "dyad/status.h"

namespace dyad {

struct RoleLine {
  std::string code;
  Date from;  // invalid: open start
  Date to;    // invalid: open end (exclusive)
  int line = 0;
};

struct DictPhrase {
  std::string text;  // as written, trimmed
  int line = 0;
};

struct DictEntry {
  std::string code;
  std::vector<DictPhrase> phrases;
  std::vector<RoleLine> roles;
  int line = 0;
};

// A file-level directive: a line `@name` in column 1. Which names a file
// may hold depends on its kind (verb files: `@modals-code-act`); the loader
// of each kind rejects the others.
struct DictDirective {
  std::string name;
  int line = 0;
};

struct DictionaryFile {
  std::string path;  // as given to the parser, used in messages
  std::vector<DictEntry> entries;
  std::vector<DictDirective> directives;
};

// Parses `text` (the contents of `path`). Each fault is appended to `errors`
// as "path:line: message"; the entries that parsed are still returned, so a
// checker can report every fault in one pass.
DictionaryFile ParseDictionaryText(std::string_view text, std::string_view path,
                                   std::vector<std::string>* errors);

// Reads and parses a file; a missing or unreadable file is an error in
// `errors` too. Messages and DictionaryFile::path name the file as
// `display_path` when it is given (a path relative to the source tree).
DictionaryFile ReadDictionaryFile(const std::string& path,
                                  std::vector<std::string>* errors,
                                  const std::string& display_path = "");

// Reads a whole file into `out`.
Status ReadFileToString(const std::string& path, std::string* out);

}  // namespace dyad

#endif  // DYAD_DICT_DICTIONARY_FILE_H_
