// SPDX-License-Identifier: MIT
#include "csv.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "error.hpp"
#include "i18n.hpp"

namespace linkctl {

CsvReader::CsvReader(std::string_view text, std::string source)
    : source_(std::move(source)), data_(text.data()), end_(text.size()) {}

CsvReader::CsvReader(Read read, std::string source, std::size_t buffer_size)
    : read_(std::move(read)), source_(std::move(source)), buffer_(std::max<std::size_t>(buffer_size, 4)) {
  data_ = buffer_.data();
}

// Called only when every buffered byte was consumed: the buffer is refilled from the start.
bool CsvReader::refill() {
  if (!read_) return false;
  pos_ = 0;
  end_ = read_(buffer_.data(), buffer_.size());
  return end_ > 0;
}

void CsvReader::bad(std::size_t line, const std::string& why) const {
  throw Error(ErrorKind::invalid, trf("{}:{}: {}", source_, line, why));
}

bool CsvReader::next(CsvRecord& rec) {
  if (!started_) {
    started_ = true;
    // The byte-order mark may straddle two reads: gather up to three bytes first.
    if (read_) {
      end_ = 0;
      while (end_ < 3) {
        std::size_t n = read_(buffer_.data() + end_, buffer_.size() - end_);
        if (n == 0) break;
        end_ += n;
      }
    }
    if (end_ >= 3 && std::string_view(data_, 3) == "\xEF\xBB\xBF") pos_ = 3;
  }
  auto is_end_of_field = [](char c) { return c == ',' || c == '\n' || c == '\r'; };
  while (!at_end()) {
    rec.line = line_;
    std::size_t count = 0;
    bool end_of_record = false;
    while (!end_of_record) {
      if (count == rec.fields.size()) rec.fields.emplace_back();
      std::string& field = rec.fields[count++];
      field.clear();
      if (!at_end() && data_[pos_] == '"') {
        std::size_t quote_line = line_;
        ++pos_;
        while (true) {
          if (at_end()) bad(quote_line, "a quoted field is never closed; end it with \"");
          // Copy the run up to the next quote in one go, counting the line breaks in it.
          const char* from = data_ + pos_;
          const char* quote = static_cast<const char*>(std::memchr(from, '"', end_ - pos_));
          const char* stop = quote ? quote : data_ + end_;
          line_ += static_cast<std::size_t>(std::count(from, stop, '\n'));
          field.append(from, stop);
          pos_ = static_cast<std::size_t>(stop - data_);
          if (!quote) continue;
          ++pos_;
          if (!at_end() && data_[pos_] == '"') {
            field += '"';
            ++pos_;
            continue;
          }
          break;
        }
        if (!at_end() && !is_end_of_field(data_[pos_]))
          bad(line_, "text after a closing quote; quote the whole field and double any \" inside it");
      } else {
        while (!at_end()) {
          const char* from = data_ + pos_;
          const char* stop = std::find_if(from, data_ + end_, [&](char c) { return is_end_of_field(c) || c == '"'; });
          field.append(from, stop);
          pos_ = static_cast<std::size_t>(stop - data_);
          if (pos_ == end_) continue;
          if (*stop == '"') bad(line_, "a quote inside an unquoted field; quote the field and double the \" (\"\")");
          break;
        }
      }
      if (at_end()) {
        end_of_record = true;
      } else if (data_[pos_] == ',') {
        ++pos_;
      } else {
        if (data_[pos_] == '\r') ++pos_;
        if (!at_end() && data_[pos_] == '\n') ++pos_;
        ++line_;
        end_of_record = true;
      }
    }
    rec.fields.resize(count);
    bool blank = count == 1 && rec.fields[0].empty();
    if (!blank) return true;
  }
  return false;
}

std::vector<CsvRecord> parse_csv(std::string_view text, const std::string& source) {
  CsvReader reader(text, source);
  std::vector<CsvRecord> out;
  CsvRecord rec;
  while (reader.next(rec)) out.push_back(rec);
  return out;
}

std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

}  // namespace linkctl
