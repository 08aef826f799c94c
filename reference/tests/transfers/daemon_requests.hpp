#pragma once
// The real daemons of the fixtures library (vsftpd, dovecot, aiosmtpd; see
// fixtures/include/atsharp/fixtures/daemons) as the transfer and interop tests use them: their
// endpoints and accounts made into the module's requests.

#include <string>

#include "atsharp/fixtures/daemons/dovecot_server.hpp"
#include "atsharp/fixtures/daemons/fixture_script.hpp"
#include "atsharp/fixtures/daemons/smtp_daemon.hpp"
#include "atsharp/fixtures/daemons/temp_dir.hpp"
#include "atsharp/fixtures/daemons/vsftpd_server.hpp"
#include "atsharp/fixtures/free_ports.hpp"
#include "atsharp/reference/network.hpp"

namespace atsharp::test {

using fixtures::DovecotServer;
using fixtures::freePorts;
using fixtures::isRoot;
using fixtures::readFile;
using fixtures::SmtpDaemon;
using fixtures::TempDir;
using fixtures::VsftpdServer;
using fixtures::writeFile;

/// @p endpoint as the module's requests name a server.
reference::Endpoint referenceEndpoint(const fixtures::Endpoint& endpoint);

/// A request for @p file in @p path on @p server, with its user's credentials.
reference::FtpRequest ftpRequest(const VsftpdServer& server, const std::string& path,
                                 const std::string& file);

/// A retrieval from @p server's mailbox with its account.
reference::Pop3Request pop3Request(const DovecotServer& server, bool deleteAfter = true);

}  // namespace atsharp::test
