// WordTable: a map from words to small values, built once and then only
// read, made for the lexicon's hot path: one open-addressing array of slots
// and one arena holding every key, so that a lookup touches one slot and one
// key, and loading 150,000 words makes two allocations rather than 150,000.
//
// Keys are non-empty strings of at most 65,535 bytes. Views returned by
// Key() and Find() point into the table and stay valid while it lives
// (moves included; a copy has its own).
//
// Not thread-safe while being filled; any number of threads may read a
// filled table.
#ifndef DYAD_LANG_WORD_TABLE_H_
#define DYAD_LANG_WORD_TABLE_H_

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace dyad {

template <typename V>
class WordTable {
 public:
  // Where a stored key's text is; Text() turns it into a view.
  struct Ref {
    uint32_t offset = 0;
    uint16_t size = 0;
  };

  // A stored key and its value.
  struct Entry {
    std::string_view key;
    const V* value = nullptr;
  };

  // Makes room for `n` keys of `bytes` bytes in all without rehashing.
  void Reserve(size_t n, size_t bytes) {
    arena_.reserve(arena_.size() + bytes);
    size_t want = 1024;
    while (want < (used_ + n) * 2) want *= 2;
    if (want > slots_.size()) Rehash(want);
  }

  Entry Find(std::string_view key) const {
    if (slots_.empty() || key.empty()) return {};
    const size_t h = Hash(key);
    const uint16_t tag = Tag(h);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      const Slot& s = slots_[i];
      if (s.size == 0) return {};
      if (s.tag == tag && s.size == key.size() && KeyOf(s) == key)
        return {KeyOf(s), &s.value};
    }
  }

  // The value stored for `key`, added (value-initialized) if missing; *ref
  // (if given) is set to where the key is stored.
  V& FindOrAdd(std::string_view key, Ref* ref = nullptr) {
    // At most half full: linear probing stays short, for misses too (most
    // lookups of running text are misses).
    if ((used_ + 1) * 2 > slots_.size())
      Rehash(slots_.empty() ? 1024 : slots_.size() * 2);
    const size_t h = Hash(key);
    const uint16_t tag = Tag(h);
    size_t mask = slots_.size() - 1;
    for (size_t i = h & mask;; i = (i + 1) & mask) {
      Slot& s = slots_[i];
      if (s.size == 0) {
        s.offset = static_cast<uint32_t>(arena_.size());
        s.size = static_cast<uint16_t>(key.size());
        s.tag = tag;
        arena_.insert(arena_.end(), key.begin(), key.end());
        ++used_;
      } else if (s.tag != tag || s.size != key.size() || KeyOf(s) != key) {
        continue;
      }
      if (ref) *ref = Ref{s.offset, s.size};
      return s.value;
    }
  }

  std::string_view Text(Ref r) const {
    return std::string_view(arena_.data() + r.offset, r.size);
  }

  size_t size() const { return used_; }

  // Calls fn(key, value) for every entry, in no particular order.
  template <typename Fn>
  void ForEach(Fn fn) const {
    for (const Slot& s : slots_)
      if (s.size) fn(KeyOf(s), s.value);
  }
  // The same, with the values writable.
  template <typename Fn>
  void ForEachMutable(Fn fn) {
    for (Slot& s : slots_)
      if (s.size) fn(KeyOf(s), s.value);
  }

 private:
  struct Slot {
    uint32_t offset = 0;  // into arena_
    uint16_t size = 0;    // 0: an empty slot
    uint16_t tag = 0;     // high bits of the key's hash: most mismatches
                          // are rejected without reading the key
    V value{};
  };

  static size_t Hash(std::string_view key) {
    return std::hash<std::string_view>()(key);
  }
  static uint16_t Tag(size_t hash) {
    return static_cast<uint16_t>(hash >> (8 * sizeof(size_t) - 16));
  }
  std::string_view KeyOf(const Slot& s) const {
    return std::string_view(arena_.data() + s.offset, s.size);
  }
  void Rehash(size_t slot_count) {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(slot_count, Slot{});
    size_t mask = slot_count - 1;
    for (const Slot& s : old) {
      if (s.size == 0) continue;
      size_t i = Hash(KeyOf(s)) & mask;  // the tag stays as it was
      while (slots_[i].size != 0) i = (i + 1) & mask;
      slots_[i] = s;
    }
  }

  std::vector<char> arena_;  // a vector, so that a move keeps views valid
  std::vector<Slot> slots_;  // size a power of two, or empty
  size_t used_ = 0;
};

}  // namespace dyad

#endif  // DYAD_LANG_WORD_TABLE_H_
