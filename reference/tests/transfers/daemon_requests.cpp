#include "daemon_requests.hpp"

namespace atsharp::test {

reference::Endpoint referenceEndpoint(const fixtures::Endpoint& endpoint) {
  return {endpoint.address, endpoint.port};
}

reference::FtpRequest ftpRequest(const VsftpdServer& server, const std::string& path,
                                 const std::string& file) {
  reference::FtpRequest request;
  request.server = referenceEndpoint(server.endpoint());
  request.user = server.user();
  request.password = server.password();
  request.path = path;
  request.file = file;
  return request;
}

reference::Pop3Request pop3Request(const DovecotServer& server, bool deleteAfter) {
  reference::Pop3Request request;
  request.server = referenceEndpoint(server.endpoint());
  request.user = server.user();
  request.password = server.password();
  request.deleteAfter = deleteAfter;
  return request;
}

}  // namespace atsharp::test
