#pragma once
// A libcurl easy handle that cleans itself up, and a curl_slist likewise. Options are set
// without checking each call: the first one libcurl refuses is kept, and the transfer then
// fails as a whole before it starts (status()).

#include <curl/curl.h>

#include <new>
#include <string>
#include <vector>

namespace atsharp::reference {

class CurlEasy {
 public:
  CurlEasy() : easy_(curl_easy_init()) {
    if (easy_ == nullptr) throw std::bad_alloc();
  }
  ~CurlEasy() { curl_easy_cleanup(easy_); }
  CurlEasy(const CurlEasy&) = delete;
  CurlEasy& operator=(const CurlEasy&) = delete;

  CURL* get() const noexcept { return easy_; }

  template <typename Value>
  void set(CURLoption option, Value value) {
    const CURLcode code = curl_easy_setopt(easy_, option, value);
    if (code != CURLE_OK && status_ == CURLE_OK) status_ = code;
  }
  void set(CURLoption option, const std::string& value) { set(option, value.c_str()); }

  /// CURLE_OK, or the first refusal of set().
  CURLcode status() const noexcept { return status_; }

 private:
  CURL* easy_;
  CURLcode status_ = CURLE_OK;
};

/// A list of strings for libcurl (CURLOPT_MAIL_RCPT), which keeps a pointer to it: it must
/// outlive the transfer.
class CurlStringList {
 public:
  CurlStringList() = default;
  explicit CurlStringList(const std::vector<std::string>& strings) {
    for (const std::string& string : strings) append(string);
  }
  ~CurlStringList() { curl_slist_free_all(list_); }
  CurlStringList(const CurlStringList&) = delete;
  CurlStringList& operator=(const CurlStringList&) = delete;

  void append(const std::string& string) {
    curl_slist* longer = curl_slist_append(list_, string.c_str());
    if (longer == nullptr) throw std::bad_alloc();
    list_ = longer;
  }
  curl_slist* get() const noexcept { return list_; }

 private:
  curl_slist* list_ = nullptr;
};

}  // namespace atsharp::reference
