#include "dict/petrarch_import.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "dict/cameo_table.h"
#include "dict/dictionary_file.h"
#include "dict/petrarch_actors.h"
#include "dict/petrarch_verbs.h"
#include "lang/lexicon.h"

namespace dyad {
namespace {

namespace fs = std::filesystem;

std::string FirstExisting(const std::vector<std::string>& dirs,
                          const char* rel) {
  for (const std::string& d : dirs) {
    std::error_code ec;
    fs::path p = fs::path(d) / rel;
    if (fs::is_regular_file(p, ec)) return p.string();
  }
  return "";
}

// Buffers a file and writes it in one go.
Status WriteFile(const fs::path& path, const std::string& text) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return Status::IoError(path.string() + ": cannot create file");
  out << text;
  out.close();
  if (!out) return Status::IoError(path.string() + ": write error");
  return Status::Ok();
}

std::string Header(const std::string& what, const std::string& file) {
  return "# " + what + " converted from the PETRARCH-2 file " + file +
         "\n# by `dyad dict import --from petrarch2` "
         "(docs/formats/petrarch.md)."
         "\n# Generated: edit the PETRARCH file and import again rather than "
         "this one.\n# Each line ends with the PETRARCH line it came from.\n";
}

std::string VerbsText(const std::string& file, const VerbConversion& conv) {
  std::string out = Header("Verb patterns", file);
  // PETRARCH codes the verb under "will" itself; dyad's own dictionaries
  // code it as an intention.
  out +=
      "\n# PETRARCH codes \"will contribute\" as the contribution.\n"
      "@modals-code-act\n";
  int block = -1;
  for (const ConvertedPattern& p : conv.patterns) {
    if (p.block != block) {
      block = p.block;
      out += "\n# " + conv.blocks[block] + "\n";
    }
    out += p.code + ": " + p.text + "  # " + file + ":" +
           std::to_string(p.line) + "\n";
  }
  return out;
}

std::string EntriesText(const std::string& what, const std::string& file,
                        const std::vector<ConvertedEntry>& entries) {
  std::string out = Header(what, file) + "\n";
  for (const ConvertedEntry& e : entries) {
    out += e.code + ":";
    for (size_t i = 0; i < e.phrases.size(); ++i)
      out += (i ? "; " : " ") + e.phrases[i];
    out += "  # " + file + ":" + std::to_string(e.line) + "\n";
    for (const ConvertedRole& r : e.roles)
      out += "  + " + r.code + " " + r.range + "  # " + file + ":" +
             std::to_string(r.line) + "\n";
  }
  return out;
}

bool ValidFormWord(const std::string& w) {
  if (w.empty()) return false;
  for (char c : w)
    if (!((c >= 'a' && c <= 'z') || c == '-' || c == '\'')) return false;
  return true;
}

}  // namespace

const char* PetrarchFileKindName(PetrarchFileKind kind) {
  switch (kind) {
    case PetrarchFileKind::kVerbs:
      return "verbs";
    case PetrarchFileKind::kActors:
      return "actors";
    case PetrarchFileKind::kAgents:
      return "agents";
    case PetrarchFileKind::kDiscards:
      return "discards";
    case PetrarchFileKind::kIssues:
      return "issues";
    case PetrarchFileKind::kPrepositions:
      return "prepositions";
    case PetrarchFileKind::kUnknown:
      return "unknown";
  }
  return "unknown";
}

PetrarchFileKind ClassifyPetrarchFile(std::string_view name) {
  std::string lower = AsciiLower(name);
  auto has = [&](const char* s) { return lower.find(s) != std::string::npos; };
  if (has("verbs") || lower.rfind("cameo.", 0) == 0)
    return PetrarchFileKind::kVerbs;
  if (has("actors")) return PetrarchFileKind::kActors;
  if (has("agents")) return PetrarchFileKind::kAgents;
  if (has("discards")) return PetrarchFileKind::kDiscards;
  if (has("issue")) return PetrarchFileKind::kIssues;
  if (has("prepositions")) return PetrarchFileKind::kPrepositions;
  return PetrarchFileKind::kUnknown;
}

Result<PetrarchImportReport> ImportPetrarch(const PetrarchImportOptions& opt) {
  std::error_code ec;
  if (!fs::is_directory(opt.from_dir, ec))
    return Status::NotFound(opt.from_dir + ": folder not found");
  std::vector<std::string> names = opt.files;
  if (names.empty()) {
    for (const auto& e : fs::directory_iterator(opt.from_dir, ec))
      if (e.is_regular_file() && e.path().extension() == ".txt")
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    if (names.empty())
      return Status::NotFound(opt.from_dir +
                              ": no .txt dictionary files in it");
  }
  std::map<std::string, std::string> texts;
  for (const std::string& n : names) {
    std::string text;
    Status s = ReadFileToString((fs::path(opt.from_dir) / n).string(), &text);
    if (!s.ok()) return s;
    texts[n] = std::move(text);
  }
  if (fs::exists(opt.out_dir, ec)) {
    if (!fs::is_directory(opt.out_dir, ec))
      return Status::InvalidArgument(opt.out_dir +
                                     ": exists and is not a folder");
    if (!opt.force && !fs::is_empty(opt.out_dir, ec))
      return Status::InvalidArgument(
          opt.out_dir +
          ": folder is not empty (give --force to write into it)");
  }
  std::string cameo_path = FirstExisting(opt.dyad_dirs, "cameo/codes.txt");
  std::string irregular_path =
      FirstExisting(opt.dyad_dirs, "lang/irregular_verbs.txt");
  if (cameo_path.empty() || irregular_path.empty())
    return Status::NotFound(std::string(cameo_path.empty()
                                            ? "cameo/codes.txt"
                                            : "lang/irregular_verbs.txt") +
                            ": not found in dyad's dictionary folders");
  std::string cameo_text, irregular_text;
  if (Status s = ReadFileToString(cameo_path, &cameo_text); !s.ok()) return s;
  if (Status s = ReadFileToString(irregular_path, &irregular_text); !s.ok())
    return s;
  std::vector<std::string> table_errors;
  CameoTable cameo = CameoTable::Parse(cameo_text, cameo_path, &table_errors);
  if (!table_errors.empty()) return Status::InvalidArgument(table_errors[0]);

  PetrarchImportReport report;
  std::vector<ImportNote>& notes = report.notes;
  std::map<std::string, PetrarchFileKind> kinds;
  for (const std::string& n : names) kinds[n] = ClassifyPetrarchFile(n);

  // Verb files first: their verbs teach the lexicon, which lemmatizes
  // pattern words and tells function words.
  std::map<std::string, PetrarchVerbFile> verb_files;
  std::vector<std::string> heads;
  std::set<std::string> head_set;
  for (const std::string& n : names) {
    if (kinds[n] != PetrarchFileKind::kVerbs) continue;
    auto it =
        verb_files.emplace(n, PetrarchVerbFile::Parse(texts[n], n, &notes))
            .first;
    for (const std::string& h : it->second.HeadWords())
      if (head_set.insert(h).second) heads.push_back(h);
  }
  Result<Lexicon> lexicon = Lexicon::Build(irregular_path, heads);
  if (!lexicon.ok()) return lexicon.status();

  std::map<std::string, std::string> new_codes;
  std::map<std::string, size_t> written;
  std::map<std::string, std::string> outputs;
  std::vector<std::pair<fs::path, std::string>> to_write;
  for (const std::string& n : names) {
    const std::string& text = texts[n];
    NoteSink sink(n, &notes);
    switch (kinds[n]) {
      case PetrarchFileKind::kVerbs: {
        VerbConversion conv =
            verb_files.at(n).Convert(cameo, *lexicon, &new_codes, &notes);
        outputs[n] = "verbs/" + n;
        written[n] = conv.patterns.size();
        to_write.emplace_back(fs::path(opt.out_dir) / outputs[n],
                              VerbsText(n, conv));
        break;
      }
      case PetrarchFileKind::kActors:
      case PetrarchFileKind::kAgents: {
        bool actors = kinds[n] == PetrarchFileKind::kActors;
        std::vector<ConvertedEntry> entries =
            actors ? ConvertPetrarchActors(text, n, *lexicon, &notes)
                   : ConvertPetrarchAgents(text, n, *lexicon, &notes);
        outputs[n] = std::string(actors ? "actors/" : "agents/") + n;
        written[n] = entries.size();
        to_write.emplace_back(
            fs::path(opt.out_dir) / outputs[n],
            EntriesText(actors ? "Actors" : "Agents", n, entries));
        break;
      }
      case PetrarchFileKind::kDiscards: {
        std::vector<ConvertedEntry> entries =
            ConvertPetrarchDiscards(text, n, *lexicon, &notes);
        outputs[n] = "discards/" + n;
        written[n] = entries.size();
        to_write.emplace_back(fs::path(opt.out_dir) / outputs[n],
                              EntriesText("Discards", n, entries));
        break;
      }
      case PetrarchFileKind::kIssues:
        for (const PetrarchLine& l : ReadPetrarchLines(text))
          sink.Skip(l.number, "issue coding: dyad's events have no issue field",
                    std::string(TrimBlanks(l.text)));
        break;
      case PetrarchFileKind::kPrepositions:
        sink.Skip(0,
                  "preposition list of PETRARCH's parse-tree reader, not a "
                  "dictionary: dyad's lexicon has its own");
        break;
      case PetrarchFileKind::kUnknown:
        sink.Skip(0, "not a PETRARCH dictionary name dyad knows; not read");
        break;
    }
  }

  // Irregular verb forms dyad's lexicon does not already derive.
  std::string added_forms;
  std::set<std::string> added;
  for (const auto& [n, vf] : verb_files) {
    NoteSink sink(n, &notes);
    for (const IrregularForm& f : vf.forms()) {
      if (f.form == f.lemma || added.count(f.form)) continue;
      VerbLemma known = lexicon->LemmatizeVerb(f.form);
      if (known.lemma == f.lemma) continue;
      if (!ValidFormWord(f.form) || !ValidFormWord(f.lemma)) {
        sink.Change(f.line,
                    "verb form not written to lang/irregular_verbs.txt: "
                    "not a lower-case word",
                    f.form);
        continue;
      }
      if (known.lemma == f.form) {
        sink.Change(
            f.line,
            "verb form not written to lang/irregular_verbs.txt: it is a "
            "verb of the dictionaries itself",
            f.form);
        continue;
      }
      if (!known.lemma.empty()) {
        sink.Change(f.line,
                    "verb form not written to lang/irregular_verbs.txt: dyad "
                    "reads it as a form of another verb",
                    f.form + " -> " + std::string(known.lemma));
        continue;
      }
      added.insert(f.form);
      added_forms += f.form + ": " + f.lemma + "  # " + n + ":" +
                     std::to_string(f.line) + "\n";
    }
  }
  report.irregular_forms_added = added.size();
  std::string irregular_out = irregular_text;
  if (!irregular_out.empty() && irregular_out.back() != '\n')
    irregular_out += '\n';
  irregular_out +=
      "\n# Added by `dyad dict import --from petrarch2`: irregular forms "
      "listed "
      "in the\n# PETRARCH verb dictionaries that dyad's suffix rules do not "
      "derive.\n" +
      added_forms;

  // CAMEO codes the PETRARCH files use that dyad's table lacks.
  std::string cameo_out = cameo_text;
  if (!cameo_out.empty() && cameo_out.back() != '\n') cameo_out += '\n';
  cameo_out +=
      "\n# Added by `dyad dict import --from petrarch2`: codes the PETRARCH "
      "verb\n# dictionaries use that are not in the table above, with their "
      "root's\n# QuadClass, Goldstein score and PLOVER category.\n";
  auto dash = [](const std::string& s) {
    return s.empty() ? std::string("-") : s;
  };
  // A code whose root CAMEO lacks (PETRARCH's validation codes, 9xx) gets
  // an extension root first: QuadClass 1 and Goldstein 0 as placeholders,
  // no PLOVER category.
  CameoCode placeholder;
  placeholder.quad_class = 1;
  std::set<std::string> roots_added;
  for (const auto& [code, where] : new_codes) {
    const CameoCode* root = cameo.Find(code.substr(0, 2));
    if (!root) {
      root = &placeholder;
      if (roots_added.insert(code.substr(0, 2)).second)
        cameo_out += code.substr(0, 2) +
                     "\t1\t0.0\t-\t-\t-\tNot in CAMEO: extension root used by "
                     "PETRARCH " +
                     where + "\n";
      if (code.size() == 2) continue;
    }
    std::ostringstream g;
    g << root->goldstein;
    std::string gs = g.str();
    if (gs.find('.') == std::string::npos) gs += ".0";
    cameo_out += code + "\t" + std::to_string(root->quad_class) + "\t" + gs +
                 "\t" + dash(root->plover) + "\t" + dash(root->plover_mode) +
                 "\t" + dash(root->plover_context) +
                 "\tNot in CAMEO: used by PETRARCH " + where + "\n";
  }
  report.cameo_codes_added = new_codes.size();

  to_write.emplace_back(fs::path(opt.out_dir) / "cameo/codes.txt", cameo_out);
  to_write.emplace_back(fs::path(opt.out_dir) / "lang/irregular_verbs.txt",
                        irregular_out);
  for (const auto& [path, text] : to_write)
    if (Status s = WriteFile(path, text); !s.ok()) return s;

  // Notes in file order, then line order; counts per file.
  std::map<std::string, size_t> order;
  for (size_t i = 0; i < names.size(); ++i) order[names[i]] = i;
  std::stable_sort(notes.begin(), notes.end(),
                   [&](const ImportNote& a, const ImportNote& b) {
                     size_t fa = order[a.file], fb = order[b.file];
                     return fa != fb ? fa < fb : a.line < b.line;
                   });
  for (const std::string& n : names) {
    PetrarchFileSummary s;
    s.file = n;
    s.kind = kinds[n];
    s.output = outputs.count(n) ? outputs[n] : "";
    s.lines = ReadPetrarchLines(texts[n]).size();
    s.written = written.count(n) ? written[n] : 0;
    std::set<int> skipped, changed;
    for (const ImportNote& note : notes) {
      if (note.file != n) continue;
      (note.kind == ImportNote::Kind::kSkipped ? skipped : changed)
          .insert(note.line);
    }
    if (skipped.count(0)) {
      s.skipped = s.lines;  // the whole file
    } else {
      s.skipped = skipped.size();
      for (int line : changed) s.changed += !skipped.count(line);
    }
    report.files.push_back(std::move(s));
  }
  return report;
}

}  // namespace dyad
