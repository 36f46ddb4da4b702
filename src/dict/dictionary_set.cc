#include "dict/dictionary_set.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace dyad {
namespace {

namespace fs = std::filesystem;

// The .txt files directly inside dir/sub, sorted for a stable order.
std::vector<std::string> TextFiles(const std::string& dir, const char* sub) {
  std::vector<std::string> out;
  fs::path p = fs::path(dir) / sub;
  std::error_code ec;
  if (!fs::is_directory(p, ec)) return out;
  for (const auto& e : fs::directory_iterator(p, ec)) {
    if (e.is_regular_file() && e.path().extension() == ".txt")
      out.push_back(e.path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string FirstExisting(const std::vector<std::string>& dirs,
                          const char* rel) {
  for (const std::string& d : dirs) {
    fs::path p = fs::path(d) / rel;
    std::error_code ec;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

// How a file is named in messages and explanations: relative to the
// source tree when it lies inside it ("data/verbs/19_fight.txt"), else as
// given.
std::string DisplayPath(const std::string& path) {
#ifdef DYAD_SOURCE_ROOT
  std::string root = std::string(DYAD_SOURCE_ROOT) + "/";
  if (path.compare(0, root.size(), root) == 0) return path.substr(root.size());
#endif
  return path;
}

DictionaryFile ReadAndParse(const std::string& path,
                            std::vector<std::string>* errors) {
  return ReadDictionaryFile(path, errors, DisplayPath(path));
}

}  // namespace

std::vector<std::string> DictionarySet::DefaultDirs() {
  std::vector<std::string> dirs;
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) {
    std::string s(env);
    size_t start = 0;
    while (start <= s.size()) {
      size_t colon = s.find(':', start);
      if (colon == std::string::npos) colon = s.size();
      if (colon > start) dirs.push_back(s.substr(start, colon - start));
      start = colon + 1;
    }
    return dirs;
  }
#ifdef DYAD_DEFAULT_DATA_DIR
  dirs.push_back(DYAD_DEFAULT_DATA_DIR);
#endif
#ifdef DYAD_DEFAULT_GENERATED_DATA_DIR
  dirs.push_back(DYAD_DEFAULT_GENERATED_DATA_DIR);
#endif
  return dirs;
}

std::shared_ptr<DictionarySet> DictionarySet::LoadAll(
    const std::vector<std::string>& dirs, std::vector<std::string>* errors) {
  auto set = std::make_shared<DictionarySet>();
  for (const std::string& d : dirs) {
    std::error_code ec;
    if (!fs::is_directory(d, ec))
      errors->push_back(d + ": dictionary folder not found");
  }
  // CAMEO table.
  std::string cameo_path = FirstExisting(dirs, "cameo/codes.txt");
  if (cameo_path.empty()) {
    errors->push_back("cameo/codes.txt: not found in any dictionary folder");
  } else {
    std::string text;
    Status s = ReadFileToString(cameo_path, &text);
    if (!s.ok())
      errors->push_back(s.message());
    else
      set->cameo_ = CameoTable::Parse(text, DisplayPath(cameo_path), errors);
    set->stats_.files.emplace_back(DisplayPath(cameo_path),
                                   set->cameo_.codes().size());
  }
  // Verb files first: their head words teach the lexicon its verbs.
  std::vector<DictionaryFile> verb_files;
  for (const std::string& d : dirs)
    for (const std::string& f : TextFiles(d, "verbs")) {
      verb_files.push_back(ReadAndParse(f, errors));
      set->stats_.files.emplace_back(DisplayPath(f),
                                     verb_files.back().entries.size());
    }
  std::string irregular = FirstExisting(dirs, "lang/irregular_verbs.txt");
  std::vector<std::string> heads = VerbDictionary::HeadWords(verb_files);
  if (irregular.empty()) {
    errors->push_back(
        "lang/irregular_verbs.txt: not found in any dictionary folder");
    set->lexicon_ = Lexicon::Minimal(heads);
  } else {
    Result<Lexicon> lex = Lexicon::Build(irregular, heads);
    if (!lex.ok()) {
      errors->push_back(lex.status().message());
      set->lexicon_ = Lexicon::Minimal(heads);
    } else {
      set->lexicon_ = std::move(lex).value();
    }
  }
  set->verbs_.Build(verb_files, set->cameo_, set->lexicon_, errors);
  // Actors and agents.
  for (const std::string& d : dirs) {
    for (const char* sub : {"actors", "agents", "discards"}) {
      std::string_view name(sub);
      ActorKind kind = name == "agents"     ? ActorKind::kAgent
                       : name == "discards" ? ActorKind::kDiscard
                                            : ActorKind::kActor;
      for (const std::string& f : TextFiles(d, sub)) {
        DictionaryFile file = ReadAndParse(f, errors);
        set->stats_.files.emplace_back(DisplayPath(f), file.entries.size());
        set->actors_.Add(file, kind, errors);
      }
    }
  }
  for (const ActorEntry& e : set->actors_.entries()) {
    // A three-letter actor code is a country (or a CAMEO region code).
    if (e.kind == ActorKind::kActor && e.code.size() == 3)
      set->countries_.insert(e.code);
  }
  set->stats_.actors = set->actors_.entry_count(ActorKind::kActor);
  set->stats_.agents = set->actors_.entry_count(ActorKind::kAgent);
  set->stats_.actor_phrases = set->actors_.phrase_count();
  set->stats_.verb_patterns = set->verbs_.size();
  set->stats_.cameo_codes = set->cameo_.codes().size();
  set->stats_.irregular_verbs = set->lexicon_.irregular_count();
  return set;
}

Result<std::shared_ptr<const DictionarySet>> DictionarySet::Load(
    const std::vector<std::string>& dirs) {
  std::vector<std::string> errors;
  std::shared_ptr<DictionarySet> set = LoadAll(dirs, &errors);
  if (!errors.empty()) {
    std::string msg;
    for (const std::string& e : errors) msg += e + "\n";
    msg.pop_back();
    return Status::InvalidArgument(msg);
  }
  return std::shared_ptr<const DictionarySet>(std::move(set));
}

}  // namespace dyad
