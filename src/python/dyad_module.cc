// _dyad: the compiled part of the `dyad` Python package (python/dyad/).
//
// Events come back as dicts with exactly the fields and values of the
// JSONL that `dyad code` writes (docs/formats/events.md): the same keys in
// the same order, the same strings (an invalid byte as U+FFFD), goldstein
// rounded to one decimal as the writer prints it. python/tests checks this
// against the CLI on many records.
//
// The GIL is released while dictionaries load and while articles are coded;
// the Coder is immutable and shared by any number of threads.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "dyad/coder.h"
#include "io/event_writer.h"
#include "io/record_reader.h"
#include "pipeline/pipeline.h"
#include "text/utf8.h"

namespace py = pybind11;

namespace dyad {
namespace {

// The DyadError exception type, set at module import.
PyObject* g_dyad_error = nullptr;

[[noreturn]] void ThrowDyadError(const std::string& message) {
  PyErr_SetString(g_dyad_error, message.c_str());
  throw py::error_already_set();
}

// Owned reference helpers over the raw C API: building millions of small
// dicts through pybind11 accessors costs noticeably more.
PyObject* Check(PyObject* o) {
  if (!o) throw py::error_already_set();
  return o;
}

// Dict keys, interned once. Never freed: they live as long as the process
// (freeing them at exit would run after the interpreter is gone).
struct Keys {
// clang-format 14 does not settle on one layout for this list.
// clang-format off
#define DYAD_KEYS(X)                                                      \
  X(doc_id) X(sentence) X(date) X(source) X(target) X(code) X(root)       \
  X(quad_class) X(goldstein) X(plover) X(plover_mode) X(plover_context)   \
  X(verb) X(text) X(start) X(end) X(country) X(explain) X(rule)           \
  X(evidence) X(role) X(entry) X(pattern) X(events) X(diagnostics)        \
  X(message) X(offset) X(sentences) X(id) X(title) X(url) X(records)      \
  X(failed) X(warnings) X(bytes) X(date_source) X(precision)              \
  X(article_date) X(place) X(name) X(type) X(fips) X(adm1) X(feature_id)  \
  X(lat) X(lon)
// clang-format on
#define DYAD_DECLARE(name) PyObject* name;
  DYAD_KEYS(DYAD_DECLARE)
#undef DYAD_DECLARE
  Keys() {
#define DYAD_INIT(name) name = Check(PyUnicode_InternFromString(#name));
    DYAD_KEYS(DYAD_INIT)
#undef DYAD_INIT
  }
};
Keys* g_keys = nullptr;

// Sets d[key] = value and drops our reference to value.
void Put(PyObject* d, PyObject* key, PyObject* value) {
  Check(value);
  int rc = PyDict_SetItem(d, key, value);
  Py_DECREF(value);
  if (rc != 0) throw py::error_already_set();
}

// A Python str of `s`, each invalid UTF-8 byte as U+FFFD, as the JSONL
// writer prints it (AppendJsonEscaped).
PyObject* Str(std::string_view s) {
  PyObject* o = PyUnicode_DecodeUTF8(
      s.data(), static_cast<Py_ssize_t>(s.size()), nullptr);
  if (o) return o;
  PyErr_Clear();
  std::string clean;
  clean.reserve(s.size() + 8);
  for (size_t i = 0; i < s.size();) {
    size_t n = text_internal::ValidUtf8Length(s, i);
    if (n == 0) {
      clean.append("\xEF\xBF\xBD");
      ++i;
    } else {
      clean.append(s.substr(i, n));
      i += n;
    }
  }
  return Check(PyUnicode_DecodeUTF8(
      clean.data(), static_cast<Py_ssize_t>(clean.size()), nullptr));
}

PyObject* Int(size_t v) { return PyLong_FromSize_t(v); }

// The number the writer's text for `v` (printed with `format`) reads as.
PyObject* Printed(double v, const char* format) {
  char buf[32];
  std::snprintf(buf, sizeof buf, format, v);
  return PyFloat_FromDouble(std::strtod(buf, nullptr));
}

// The writer prints "%.1f".
PyObject* Goldstein(double v) { return Printed(v, "%.1f"); }

// A new reference to None.
PyObject* None() {
  Py_INCREF(Py_None);
  return Py_None;
}

// A new dict filled by fill(d); the dict is freed if filling throws.
template <typename Fill>
PyObject* NewDict(Fill fill) {
  PyObject* d = Check(PyDict_New());
  try {
    fill(d);
  } catch (...) {
    Py_DECREF(d);
    throw;
  }
  return d;
}

PyObject* SpanDict(std::string_view text, const Span& span,
                   PyObject* first_key = nullptr,
                   PyObject* first_value = nullptr) {
  const Keys& k = *g_keys;
  return NewDict([&](PyObject* d) {
    if (first_key) Put(d, first_key, first_value);
    Put(d, k.text, Str(text));
    Put(d, k.start, Int(span.start));
    Put(d, k.end, Int(span.end));
  });
}

PyObject* ActorDict(const EventActor& a) {
  const Keys& k = *g_keys;
  return NewDict([&](PyObject* d) {
    Put(d, k.code, Str(a.code));
    Put(d, k.country, Str(a.country));
    Put(d, k.text, Str(a.text));
    Put(d, k.start, Int(a.span.start));
    Put(d, k.end, Int(a.span.end));
  });
}

// A coordinate as the writer prints it ("%.5f"), or None.
PyObject* Coordinate(bool has, double v) {
  return has ? Printed(v, "%.5f") : None();
}

PyObject* PlaceDict(const EventPlace& p) {
  const Keys& k = *g_keys;
  return NewDict([&](PyObject* d) {
    Put(d, k.name, Str(p.name));
    Put(d, k.type, PyLong_FromLong(p.type));
    Put(d, k.country, Str(p.country));
    Put(d, k.fips, Str(p.fips));
    Put(d, k.adm1, Str(p.adm1));
    Put(d, k.feature_id, Str(p.feature_id));
    Put(d, k.lat, Coordinate(p.has_coords, p.lat));
    Put(d, k.lon, Coordinate(p.has_coords, p.lon));
    Put(d, k.rule, Str(p.rule));
    Put(d, k.text, Str(p.text));
    Put(d, k.start, Int(p.span.start));
    Put(d, k.end, Int(p.span.end));
  });
}

// One event as the dict the JSONL line reads as (JsonlWriter::Write).
PyObject* EventDict(const Event& e, bool explain) {
  const Keys& k = *g_keys;
  return NewDict([&](PyObject* d) {
    Put(d, k.doc_id, Str(e.doc_id));
    Put(d, k.sentence, PyLong_FromLong(e.sentence));
    Put(d, k.date, Str(e.date));
    Put(d, k.source, ActorDict(e.source));
    Put(d, k.target, e.target ? ActorDict(*e.target) : None());
    Put(d, k.code, Str(e.code));
    Put(d, k.root, Str(e.root));
    Put(d, k.quad_class, PyLong_FromLong(e.quad_class));
    Put(d, k.goldstein, Goldstein(e.goldstein));
    Put(d, k.plover, Str(e.plover));
    Put(d, k.plover_mode, Str(e.plover_mode));
    Put(d, k.plover_context, Str(e.plover_context));
    Put(d, k.verb, SpanDict(e.verb_text, e.verb));
    Put(d, k.date_source, NewDict([&](PyObject* when) {
          Put(when, k.rule, Str(e.date_source.rule));
          Put(when, k.precision, Str(e.date_source.precision));
          Put(when, k.text, Str(e.date_source.text));
          Put(when, k.start, Int(e.date_source.span.start));
          Put(when, k.end, Int(e.date_source.span.end));
        }));
    Put(d, k.article_date, Str(e.article_date));
    Put(d, k.place, e.place ? PlaceDict(*e.place) : None());
    if (explain) {
      PyObject* x = Check(PyDict_New());
      Put(d, k.explain, x);  // d holds it now; x stays valid
      Put(x, k.rule, Str(e.rule));
      PyObject* list = Check(PyList_New(0));
      Put(x, k.evidence, list);
      for (const Evidence& v : e.evidence) {
        PyObject* ev = Check(PyDict_New());
        int rc = PyList_Append(list, ev);
        Py_DECREF(ev);
        if (rc != 0) throw py::error_already_set();
        Put(ev, k.role, Str(v.role));
        Put(ev, k.entry, Str(v.entry));
        Put(ev, k.pattern, Str(v.pattern));
        Put(ev, k.code, Str(v.code));
        Put(ev, k.start, Int(v.span.start));
        Put(ev, k.end, Int(v.span.end));
      }
    }
  });
}

// Appends the events of one article to `list`.
void AppendEvents(const std::vector<Event>& events, bool explain,
                  PyObject* list) {
  for (const Event& e : events) {
    PyObject* d = EventDict(e, explain);
    int rc = PyList_Append(list, d);
    Py_DECREF(d);
    if (rc != 0) throw py::error_already_set();
  }
}

py::list EventList(const std::vector<Event>& events, bool explain) {
  py::list list;
  AppendEvents(events, explain, list.ptr());
  return list;
}

// --- Python values to an Article -------------------------------------------

// The bytes of a str (UTF-8) or bytes object. `what` names the value in
// errors.
bool TextBytes(PyObject* o, std::string* out) {
  if (PyUnicode_Check(o)) {
    Py_ssize_t n;
    const char* s = PyUnicode_AsUTF8AndSize(o, &n);
    if (!s) {
      PyErr_Clear();
      return false;
    }
    out->assign(s, static_cast<size_t>(n));
    return true;
  }
  if (PyBytes_Check(o)) {
    out->assign(PyBytes_AS_STRING(o), static_cast<size_t>(PyBytes_GET_SIZE(o)));
    return true;
  }
  return false;
}

// A date from None, "", "YYYY-MM-DD[...]" or a datetime.date/datetime.
// Returns false (with `why`) for anything else.
bool ToDate(PyObject* o, Date* date, std::string* why) {
  *date = Date{};
  if (o == nullptr || o == Py_None) return true;
  if (PyUnicode_Check(o)) {
    Py_ssize_t n;
    const char* s = PyUnicode_AsUTF8AndSize(o, &n);
    if (!s) {
      PyErr_Clear();
      *why = "date is not valid text";
      return false;
    }
    std::string text(s, static_cast<size_t>(n));
    if (text.empty()) return true;
    *date = ParseDate(text);
    if (!date->valid()) {
      *why = "date '" + text + "' is not a date (YYYY-MM-DD)";
      return false;
    }
    return true;
  }
  // datetime.date and datetime.datetime (and pandas.Timestamp) have
  // year/month/day.
  if (PyObject_HasAttrString(o, "year") && PyObject_HasAttrString(o, "month") &&
      PyObject_HasAttrString(o, "day") && !PyLong_Check(o)) {
    try {
      py::handle h(o);
      std::string text = py::str(h.attr("strftime")("%Y-%m-%d"));
      *date = ParseDate(text);
      if (date->valid()) return true;
      *why = "date " + std::string(py::repr(h)) + " is not a date";
    } catch (py::error_already_set&) {
      *why = "date " + std::string(py::repr(py::handle(o))) + " is not a date";
    }
    return false;
  }
  *why = "date must be a str 'YYYY-MM-DD', a datetime.date or None, not " +
         std::string(Py_TYPE(o)->tp_name);
  return false;
}

// The record id: str, or int as the CLI turns a JSON integer into one.
bool ToId(PyObject* o, std::string* id, std::string* why) {
  if (PyUnicode_Check(o)) {
    if (!TextBytes(o, id)) {
      *why = "field 'id' is not valid text";
      return false;
    }
    return true;
  }
  if (PyLong_Check(o) && !PyBool_Check(o)) {
    id->assign(std::string(py::str(py::handle(o))));
    return true;
  }
  *why = "field 'id' must be a string or an integer";
  return false;
}

bool OptionalText(PyObject* o, const char* field, std::string* out,
                  std::string* why) {
  out->clear();
  if (o == nullptr || o == Py_None) return true;
  if (TextBytes(o, out)) return true;
  *why = std::string("field '") + field + "' must be a string";
  return false;
}

// Reads one record (a mapping with id, text, date, title, url, source) into
// `article`. On failure returns false with the reason in `why`; `article->id`
// holds the id when one was read.
//
// A bad date fails the record when `strict`; otherwise the record is coded
// without a date and `warning` says why, as the CLI's reader does.
bool RecordToArticle(PyObject* record, const Date& default_date, bool strict,
                     Article* article, std::string* why, std::string* warning) {
  *article = Article{};
  if (!PyMapping_Check(record) || PyUnicode_Check(record) ||
      PyBytes_Check(record)) {
    *why =
        std::string("a record must be a dict, not ") + Py_TYPE(record)->tp_name;
    return false;
  }
  auto get = [record](const char* key) -> py::object {
    if (PyDict_Check(record)) {
      PyObject* v = PyDict_GetItemString(record, key);  // borrowed
      return v ? py::reinterpret_borrow<py::object>(v) : py::object();
    }
    PyObject* v = PyMapping_GetItemString(record, key);
    if (!v) {
      PyErr_Clear();
      return py::object();
    }
    return py::reinterpret_steal<py::object>(v);
  };
  py::object id = get("id");
  if (!id) {
    *why = "missing field 'id'";
    return false;
  }
  if (!ToId(id.ptr(), &article->id, why)) return false;
  py::object text = get("text");
  if (!text || text.is_none()) {
    *why = "missing field 'text'";
    return false;
  }
  if (!TextBytes(text.ptr(), &article->text)) {
    *why = "field 'text' must be a string (str or bytes)";
    return false;
  }
  py::object date = get("date");
  warning->clear();
  if (!ToDate(date ? date.ptr() : nullptr, &article->date, why)) {
    if (strict) return false;
    *warning = std::move(*why);
    why->clear();
  } else if (!article->date.valid()) {
    article->date = default_date;
  }
  py::object title = get("title"), url = get("url"), source = get("source");
  return OptionalText(title ? title.ptr() : nullptr, "title", &article->title,
                      why) &&
         OptionalText(url ? url.ptr() : nullptr, "url", &article->url, why) &&
         OptionalText(source ? source.ptr() : nullptr, "source",
                      &article->source, why);
}

Date DefaultDate(const py::object& date) {
  Date d;
  std::string why;
  if (!ToDate(date.ptr(), &d, &why)) ThrowDyadError(why);
  return d;
}

// An input stream over memory the caller owns: no copy.
class MemoryBuf : public std::streambuf {
 public:
  MemoryBuf(const char* data, size_t size) {
    char* p = const_cast<char*>(data);  // never written: get area only
    setg(p, p, p + size);
  }
};

// An output stream into a string, or, with a sink (a Python object with a
// write(bytes) method), into the sink in chunks of about 1 MB. Made and
// destroyed with the GIL held; written from a thread that does not hold it,
// taking it for each chunk. An error raised by write() is kept (later output
// is dropped) for Rethrow().
class OutputBuf : public std::streambuf {
 public:
  OutputBuf(size_t reserve, py::object sink)
      : sink_(sink.is_none() ? py::object() : std::move(sink)) {
    str.reserve(sink_ ? kChunk + (kChunk >> 2) : reserve);
  }
  std::string str;

  // Sends what is held to the sink (no-op without one).
  void Drain() {
    if (!sink_ || str.empty()) return;
    if (!error_) {
      py::gil_scoped_acquire acquire;
      try {
        // A view, not a copy; released after the call, so a sink that kept
        // it gets an error, never bytes that have changed.
        py::object view = py::memoryview::from_memory(
            str.data(), static_cast<py::ssize_t>(str.size()));
        sink_.attr("write")(view);
        view.attr("release")();
      } catch (py::error_already_set& e) {
        error_ = std::make_unique<py::error_already_set>(std::move(e));
      }
    }
    str.clear();
  }
  // Raises the sink's error, if any (with the GIL held).
  void Rethrow() {
    if (error_) {
      py::error_already_set e = std::move(*error_);
      error_.reset();
      throw e;
    }
  }

 protected:
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    str.append(s, static_cast<size_t>(n));
    if (sink_ && str.size() >= kChunk) Drain();
    return n;
  }
  int_type overflow(int_type c) override {
    if (!traits_type::eq_int_type(c, traits_type::eof()))
      str.push_back(traits_type::to_char_type(c));
    if (sink_ && str.size() >= kChunk) Drain();
    return traits_type::not_eof(c);
  }

 private:
  static constexpr size_t kChunk = size_t{1} << 20;
  py::object sink_;
  std::unique_ptr<py::error_already_set> error_;
};

// --- The Coder --------------------------------------------------------------

class PyCoder {
 public:
  PyCoder(std::vector<std::string> dict_dirs, bool explain,
          bool require_source_actor, bool drop_furniture,
          size_t max_sentence_bytes) {
    options_.dictionary_dirs = std::move(dict_dirs);
    options_.explain = explain;
    options_.require_source_actor = require_source_actor;
    options_.drop_furniture = drop_furniture;
    options_.max_sentence_bytes = max_sentence_bytes;
    Status status;
    {
      py::gil_scoped_release release;
      auto coder = Coder::Create(options_);
      if (coder.ok())
        coder_ = std::shared_ptr<const Coder>(std::move(coder.value()));
      else
        status = coder.status();
    }
    if (!coder_)
      ThrowDyadError("cannot load dictionaries:\n" + status.message());
  }

  const CoderOptions& options() const { return options_; }

  Article MakeArticle(py::handle text, py::handle date, py::handle id,
                      py::handle title, py::handle url, py::handle source) {
    Article a;
    std::string why;
    if (text.is_none()) ThrowDyadError("text is None: nothing to code");
    if (!TextBytes(text.ptr(), &a.text)) {
      if (PyUnicode_Check(text.ptr()))
        ThrowDyadError("text is not valid Unicode (it holds a lone surrogate)");
      throw py::type_error(std::string("text must be str or bytes, not ") +
                           Py_TYPE(text.ptr())->tp_name);
    }
    if (!ToDate(date.ptr(), &a.date, &why)) ThrowDyadError(why);
    if (!id.is_none() && !ToId(id.ptr(), &a.id, &why)) ThrowDyadError(why);
    if (!OptionalText(title.ptr(), "title", &a.title, &why) ||
        !OptionalText(url.ptr(), "url", &a.url, &why) ||
        !OptionalText(source.ptr(), "source", &a.source, &why))
      ThrowDyadError(why);
    return a;
  }

  CodedArticle CodeArticle(const Article& a) const {
    py::gil_scoped_release release;
    return coder_->Code(a);
  }

  py::list Code(py::handle text, py::handle date, py::handle id,
                py::handle title, py::handle url, py::handle source) {
    Article a = MakeArticle(text, date, id, title, url, source);
    CodedArticle coded = CodeArticle(a);
    return EventList(coded.events, options_.explain);
  }

  py::dict CodeFull(py::handle text, py::handle date, py::handle id,
                    py::handle title, py::handle url, py::handle source) {
    Article a = MakeArticle(text, date, id, title, url, source);
    CodedArticle coded = CodeArticle(a);
    py::dict out;
    out["events"] = EventList(coded.events, options_.explain);
    py::list diags;
    for (const Diagnostic& d : coded.diagnostics) {
      py::dict x;
      x["doc_id"] = py::reinterpret_steal<py::object>(Str(d.doc_id));
      x["message"] = py::reinterpret_steal<py::object>(Str(d.message));
      x["offset"] = d.offset;
      diags.append(x);
    }
    out["diagnostics"] = diags;
    out["sentences"] = coded.sentences;
    return out;
  }

  // Codes a list of records on `threads` threads. Returns (events, stats,
  // problems): every event of every record in order; counts; and one
  // message per record that could not be read ("record N 'id': why") or was
  // coded with a warning. With `strict`, the first bad record raises
  // DyadError before anything is coded.
  py::tuple CodeBatch(py::list records, py::object default_date_obj,
                      int threads, bool strict, long first_index) {
    const Date default_date = DefaultDate(default_date_obj);
    const size_t n = records.size();
    std::vector<Article> articles(n);
    std::vector<char> ok(n, 0);
    py::list problems;
    long failed = 0;
    long read_warnings = 0;
    for (size_t i = 0; i < n; ++i) {
      std::string why, warning;
      const bool read =
          RecordToArticle(PyList_GET_ITEM(records.ptr(), i), default_date,
                          strict, &articles[i], &why, &warning);
      std::string where =
          "record " + std::to_string(first_index + long(i)) +
          (articles[i].id.empty() ? "" : " '" + articles[i].id + "'");
      if (read) {
        ok[i] = 1;
        if (!warning.empty()) {
          ++read_warnings;
          problems.append(py::reinterpret_steal<py::object>(
              Str(where + ": warning: " + warning)));
        }
        continue;
      }
      if (strict) ThrowDyadError(where + ": " + why);
      ++failed;
      problems.append(
          py::reinterpret_steal<py::object>(Str(where + ": " + why)));
      articles[i] = Article{};
    }
    std::vector<CodedArticle> coded(n);
    py::list events;
    if (threads < 1) threads = 1;
    if (static_cast<size_t>(threads) > n) threads = static_cast<int>(n);
    if (threads <= 1) {
      {
        py::gil_scoped_release release;
        for (size_t i = 0; i < n; ++i)
          if (ok[i]) coded[i] = coder_->Code(articles[i]);
      }
      for (size_t i = 0; i < n; ++i)
        AppendEvents(coded[i].events, options_.explain, events.ptr());
    } else {
      // Worker threads code; this thread turns finished articles into dicts,
      // in order, taking the GIL only for that.
      std::atomic<size_t> next{0};
      std::vector<char> done(n, 0);
      std::mutex mu;
      std::condition_variable cv;
      std::vector<std::thread> pool;
      {
        py::gil_scoped_release release;
        for (int t = 0; t < threads; ++t) {
          pool.emplace_back([&] {
            for (size_t i; (i = next.fetch_add(1)) < n;) {
              if (ok[i]) coded[i] = coder_->Code(articles[i]);
              {
                std::lock_guard<std::mutex> lock(mu);
                done[i] = 1;
              }
              cv.notify_all();
            }
          });
        }
      }
      struct Joiner {  // joins the pool on every way out, GIL released
        std::vector<std::thread>* pool;
        std::atomic<size_t>* next;
        size_t n;
        ~Joiner() {
          next->store(n);
          py::gil_scoped_release release;
          for (std::thread& t : *pool) t.join();
        }
      } joiner{&pool, &next, n};
      for (size_t i = 0; i < n; ++i) {
        {
          py::gil_scoped_release release;
          std::unique_lock<std::mutex> lock(mu);
          cv.wait(lock, [&] { return done[i] != 0; });
        }
        AppendEvents(coded[i].events, options_.explain, events.ptr());
        coded[i].events.clear();
        coded[i].events.shrink_to_fit();
      }
    }
    long sentences = 0, nevents = 0, warnings = read_warnings;
    for (size_t i = 0; i < n; ++i) {
      sentences += coded[i].sentences;
      nevents += static_cast<long>(coded[i].events.size());
      for (const Diagnostic& d : coded[i].diagnostics) {
        ++warnings;
        problems.append(py::reinterpret_steal<py::object>(
            Str("record " + std::to_string(first_index + long(i)) + " '" +
                d.doc_id + "': warning: " + d.message + " (byte " +
                std::to_string(d.offset) + ")")));
      }
    }
    nevents = static_cast<long>(PyList_GET_SIZE(events.ptr()));
    py::dict stats;
    stats["records"] = n;
    stats["failed"] = failed;
    stats["sentences"] = sentences;
    stats["events"] = nevents;
    stats["warnings"] = warnings;
    return py::make_tuple(events, stats, problems);
  }

  // Codes JSON Lines exactly as `dyad code` does (the same reader, pipeline
  // and writer) and returns (output bytes, messages, stats): the output is
  // byte for byte what the CLI writes for the same lines; messages are its
  // stderr lines (bad records as name:line, warnings).
  py::tuple CodeJsonl(py::object data, py::object sink, const std::string& name,
                      const std::string& format, int threads,
                      py::object default_date_obj) {
    if (!sink.is_none() && !py::hasattr(sink, "write"))
      throw py::type_error("out must have a write(bytes) method");
    const Date default_date = DefaultDate(default_date_obj);
    // The input is read in place: `data` (immutable, and referenced by the
    // caller for the whole call) outlives the GIL-free section.
    const char* in_data;
    Py_ssize_t in_size;
    if (PyBytes_Check(data.ptr())) {
      in_data = PyBytes_AS_STRING(data.ptr());
      in_size = PyBytes_GET_SIZE(data.ptr());
    } else if (PyUnicode_Check(data.ptr())) {
      in_data = PyUnicode_AsUTF8AndSize(data.ptr(), &in_size);
      if (!in_data) throw py::error_already_set();
    } else {
      throw py::type_error("data must be str or bytes (JSON Lines)");
    }
    OutputFormat out_format;
    if (format == "jsonl")
      out_format = OutputFormat::kJsonl;
    else if (format == "tsv")
      out_format = OutputFormat::kTsv;
    else if (format == "plover")
      out_format = OutputFormat::kPloverJsonl;
    else
      ThrowDyadError("format must be 'jsonl', 'tsv' or 'plover', not '" +
                     format + "'");
    std::string out_text, err_text;
    PipelineStats st;
    // Event JSONL is about twice the size of the input text.
    OutputBuf out_buf(2 * static_cast<size_t>(in_size) + 4096, sink);
    {
      py::gil_scoped_release release;
      MemoryBuf in_buf(in_data, static_cast<size_t>(in_size));
      std::istream in(&in_buf);
      std::ostream out(&out_buf);
      std::ostringstream err;
      ReaderOptions reader_options;
      reader_options.format = InputFormat::kJsonl;
      reader_options.default_date = default_date;
      auto reader = RecordReader::FromStream(&in, name, reader_options);
      PipelineOptions po;
      po.threads = threads < 1 ? 1 : threads;
      po.format = out_format;
      po.explain = options_.explain;
      {
        Pipeline pipeline(*coder_, po, &out, &err);
        pipeline.Run(reader.get());
        pipeline.Finish();
        st = pipeline.stats();
      }
      out.flush();
      out_buf.Drain();
      out_text = std::move(out_buf.str);
      err_text = std::move(err).str();
    }
    out_buf.Rethrow();
    py::dict stats;
    stats["records"] = st.records;
    stats["failed"] = st.failed;
    stats["skipped"] = st.skipped;
    stats["sentences"] = st.sentences;
    stats["events"] = st.events;
    stats["warnings"] = st.warnings;
    stats["bytes"] = st.bytes;
    return py::make_tuple(sink.is_none() ? py::object(py::bytes(out_text))
                                         : py::object(py::none()),
                          py::reinterpret_steal<py::object>(Str(err_text)),
                          stats);
  }

 private:
  CoderOptions options_;
  std::shared_ptr<const Coder> coder_;
};

}  // namespace
}  // namespace dyad

PYBIND11_MODULE(_dyad, m) {
  using dyad::PyCoder;
  m.doc() = "dyad's compiled core; use the `dyad` package.";
  dyad::g_keys = new dyad::Keys();
  static py::exception<std::runtime_error> dyad_error(m, "DyadError",
                                                      PyExc_ValueError);
  dyad::g_dyad_error = dyad_error.ptr();

  py::class_<PyCoder>(m, "Coder")
      .def(py::init<std::vector<std::string>, bool, bool, bool, size_t>(),
           py::arg("dict_dirs") = std::vector<std::string>{},
           py::arg("explain") = false, py::arg("require_source_actor") = false,
           py::arg("drop_furniture") = true,
           py::arg("max_sentence_bytes") = 2000)
      .def_property_readonly(
          "dict_dirs",
          [](const PyCoder& c) { return c.options().dictionary_dirs; })
      .def_property_readonly(
          "explain", [](const PyCoder& c) { return c.options().explain; })
      .def_property_readonly(
          "require_source_actor",
          [](const PyCoder& c) { return c.options().require_source_actor; })
      .def_property_readonly(
          "drop_furniture",
          [](const PyCoder& c) { return c.options().drop_furniture; })
      .def_property_readonly(
          "max_sentence_bytes",
          [](const PyCoder& c) { return c.options().max_sentence_bytes; })
      .def("code", &PyCoder::Code, py::arg("text"), py::kw_only(),
           py::arg("date") = py::none(), py::arg("id") = "",
           py::arg("title") = py::none(), py::arg("url") = py::none(),
           py::arg("source") = py::none())
      .def("code_article", &PyCoder::CodeFull, py::arg("text"), py::kw_only(),
           py::arg("date") = py::none(), py::arg("id") = "",
           py::arg("title") = py::none(), py::arg("url") = py::none(),
           py::arg("source") = py::none())
      .def("_code_batch", &PyCoder::CodeBatch, py::arg("records"),
           py::arg("date"), py::arg("threads"), py::arg("strict"),
           py::arg("first_index"))
      .def("code_jsonl", &PyCoder::CodeJsonl, py::arg("data"), py::kw_only(),
           py::arg("out") = py::none(), py::arg("name") = "<jsonl>",
           py::arg("format") = "jsonl", py::arg("threads") = 1,
           py::arg("date") = py::none());
}
