#pragma once
// The URLs TransferNetwork gives libcurl. Every part the module supplies is percent-encoded, so
// that no parameter value can change the URL's structure (a '?', '#', '@' or ';' in a file
// name stays a file name). Credentials never appear in a URL: they go through
// CURLOPT_USERNAME and CURLOPT_PASSWORD.

#include <string>
#include <string_view>

#include "atsharp/reference/network.hpp"

namespace atsharp::reference {

/// Every byte but RFC 3986's unreserved ones (letters, digits, "-._~") as %XX.
std::string percentEncoded(std::string_view text);

/// ftp://ADDRESS:PORT/PATH/FILE for libcurl's single-CWD method: @p path is the directory
/// (FTPGETPATH, FTPPUTPATH), made current with one CWD: relative to the login directory, or
/// absolute when it starts with '/'; "" and "." stay in the login directory. Empty and "."
/// segments are dropped ("a//b/./c" is "a/b/c"). A '/' in @p file separates directories too.
std::string ftpUrl(const Endpoint& server, std::string_view path, std::string_view file);

/// smtp://ADDRESS:PORT/DOMAIN: libcurl says DOMAIN in EHLO (HELO).
std::string smtpUrl(const Endpoint& server, std::string_view domain);

/// pop3://ADDRESS:PORT/ (LIST), or pop3://ADDRESS:PORT/MESSAGE (RETR, DELE).
std::string pop3Url(const Endpoint& server, std::string_view message = {});

}  // namespace atsharp::reference
