// atsharp ftp get|put (AT#FTPGET 4.2, AT#FTPPUT 4.3) and atsharp mail send|put|get
// (AT#SENDMAILi 3.3, AT#PUTMAIL 3.4, AT#GETMAIL 3.2). The servers, accounts and mail
// headers are the module's parameters (atsharp config); these commands only name the file or
// the mail combination.

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <span>

#include "atsharp/catalogue/value_rules.hpp"
#include "atsharp/module/module.hpp"
#include "bench_command.hpp"
#include "lab_commands.hpp"
#include "progress_meter.hpp"

namespace atsharp::cli::lab {
namespace {

namespace fs = std::filesystem;

// "-" names stdin or stdout, as for most Unix tools.
constexpr const char* kStandardStream = "-";

// A server-side name: its folder (FTPGETPATH / FTPPUTPATH, empty when none is given: the
// folder set in the module stays) and its file name.
struct RemoteName {
  std::optional<std::string> folder;
  std::string file;
};

RemoteName splitRemote(const std::string& remote) {
  const std::size_t slash = remote.rfind('/');
  if (slash == std::string::npos) return {std::nullopt, remote};
  if (slash + 1 == remote.size()) {
    throw UsageError("\"" + remote + "\" names a folder; give the file's name after the last /");
  }
  // "/file" is the root folder: "/", not "".
  return {slash == 0 ? "/" : remote.substr(0, slash), remote.substr(slash + 1)};
}

void writeAll(int fd, ByteView bytes) {
  while (!bytes.empty()) {
    const ssize_t written = ::write(fd, bytes.data(), bytes.size());
    if (written < 0 && errno == EINTR) continue;
    if (written < 0) throw Error("cannot write to stdout: " + std::string(std::strerror(errno)));
    bytes = bytes.subspan(static_cast<std::size_t>(written));
  }
}

std::size_t readSome(int fd, std::span<Byte> buffer) {
  for (;;) {
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got >= 0) return static_cast<std::size_t>(got);
    if (errno != EINTR) throw Error("cannot read stdin: " + std::string(std::strerror(errno)));
  }
}

std::string fileName(const std::string& path) { return fs::path(path).filename().string(); }

int ftpGet(int argc, char** argv) {
  static const CommandInfo info{
      .name = "ftp get",
      .synopsis = "REMOTE [LOCAL]",
      .description =
          "Downloads REMOTE from the FTP server (AT#FTPGET, 4.2) into LOCAL (default: REMOTE's\n"
          "file name, in the current folder; - for stdout). REMOTE's file name is set as\n"
          "FTPGETFILENAME and its folder, when it has one (\"pub/data.bin\"), as FTPGETPATH.\n"
          "The server and the account are the module's FTPSERV, FTPPORT, FTPUN, FTPPW and\n"
          "FTPTYPE. The file is written beside LOCAL and renamed once complete: a failed\n"
          "download leaves LOCAL as it was.",
      .positional = {{"remote", 1}, {"local", 1}}};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    if (!invocation.has("remote")) throw UsageError("which file? (atsharp ftp get REMOTE)");
    const std::string remote = invocation.get<std::string>("remote");
    const RemoteName name = splitRemote(remote);
    const std::string local = invocation.find<std::string>("local").value_or(name.file);
    const bool toStdout = local == kStandardStream;
    if (toStdout && invocation.json()) {
      throw UsageError("--json needs stdout: give LOCAL a file name");
    }
    Module& module = invocation.module();
    if (name.folder) module.set(param::Ftpgetpath, *name.folder);
    module.set(param::Ftpgetfilename, name.file);
    ProgressMeter meter("ftp get " + name.file, std::nullopt, !invocation.json());
    const auto progress = [&meter](const TransferProgress& now) { meter.update(now.bytes); };
    const std::uint64_t bytes =
        toStdout ? module.ftpGet([](ByteView piece) { writeAll(STDOUT_FILENO, piece); }, progress)
                 : module.ftpGet(fs::path(local), progress);
    meter.update(bytes);
    meter.finish();
    if (invocation.json()) {
      printJson(Json{{"remote", remote}, {"local", local}, {"bytes", bytes}});
    } else if (!toStdout) {
      std::cout << "received " << bytes << " bytes into " << local << std::endl;
    }
    return kDone;
  });
}

int ftpPut(int argc, char** argv) {
  static const CommandInfo info{
      .name = "ftp put",
      .synopsis = "LOCAL [REMOTE]",
      .description =
          "Uploads LOCAL (- for stdin) to the FTP server (AT#FTPPUT, 4.3) as REMOTE (default:\n"
          "LOCAL's file name). REMOTE's file name is set as FTPPUTFILENAME and its folder,\n"
          "when it has one, as FTPPUTPATH. The server and the account are the module's\n"
          "FTPSERV, FTPPORT, FTPUN, FTPPW and FTPTYPE.",
      .positional = {{"local", 1}, {"remote", 1}}};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    if (!invocation.has("local")) throw UsageError("which file? (atsharp ftp put LOCAL)");
    const std::string local = invocation.get<std::string>("local");
    const bool fromStdin = local == kStandardStream;
    if (fromStdin && !invocation.has("remote")) {
      throw UsageError("give REMOTE, the name on the server, when uploading stdin");
    }
    const std::string remote = invocation.find<std::string>("remote").value_or(fileName(local));
    const RemoteName name = splitRemote(remote);
    std::optional<std::uint64_t> size;
    if (!fromStdin) {
      if (!fs::is_regular_file(local)) throw UsageError("no such file: " + local);
      size = fs::file_size(local);
    }
    Module& module = invocation.module();
    if (name.folder) module.set(param::Ftpputpath, *name.folder);
    module.set(param::Ftpputfilename, name.file);
    ProgressMeter meter("ftp put " + name.file, size, !invocation.json());
    const auto progress = [&meter](const TransferProgress& now) { meter.update(now.bytes); };
    const std::uint64_t bytes =
        fromStdin ? module.ftpPut([](std::span<Byte> buffer) {
                      return readSome(STDIN_FILENO, buffer);
                    }, progress)
                  : module.ftpPut(fs::path(local), progress);
    meter.update(bytes);
    meter.finish();
    if (invocation.json()) {
      printJson(Json{{"local", local}, {"remote", remote}, {"bytes", bytes}});
    } else {
      std::cout << "sent " << bytes << " bytes as " << remote << std::endl;
    }
    return kDone;
  });
}

int mailSend(int argc, char** argv) {
  static const CommandInfo info{
      .name = "mail send",
      .synopsis = "N",
      .description =
          "Sends mail combination N, 1 to 3 (AT#SENDMAILi, 3.3): RECi, CCRECi, SUBJi and\n"
          "BODYi, from SENDERADDR through SMTPSERV (atsharp config set ...).",
      .positional = {{"combination", 1}}};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    if (!invocation.has("combination")) throw UsageError("which combination? (1, 2 or 3)");
    const std::string text = invocation.get<std::string>("combination");
    const std::optional<int> number = catalogue::parseDecimal(text);
    if (!number) throw UsageError("mail combination \"" + text + "\": must be 1, 2 or 3");
    const MailCombination combination(*number);
    invocation.module().sendMail(combination);
    if (invocation.json()) {
      printJson(Json{{"sent", combination.value()}});
    } else {
      std::cout << "sent mail " << combination.value() << std::endl;
    }
    return kDone;
  });
}

int mailPut(int argc, char** argv) {
  static const CommandInfo info{
      .name = "mail put",
      .synopsis = "",
      .description =
          "Sends a mail whose body is read from stdin (AT#PUTMAIL, 3.4), with the envelope\n"
          "and header of combination 1 (REC1, CCREC1, SUBJ1, SENDERADDR ...). The body is\n"
          "text: lines end with LF or CR LF; a line starting with a dot is sent as it is."};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    invocation.module().putMail(std::cin);
    if (invocation.json()) {
      printJson(Json{{"sent", true}});
    } else {
      std::cout << "sent the mail" << std::endl;
    }
    return kDone;
  });
}

int mailGet(int argc, char** argv) {
  static const CommandInfo info{
      .name = "mail get",
      .synopsis = "",
      .description =
          "Retrieves the first mail from the POP3 server (AT#GETMAIL, 3.2), which the module\n"
          "then deletes there, and prints it: the header lines (POP3HEADERMODE 1), an empty\n"
          "line, the body. With no mail on the server it says so on stderr (exit status 0)."};
  return run(info, argc, argv, {}, [](Invocation& invocation) {
    const std::optional<RetrievedMail> mail = invocation.module().getMail();
    if (invocation.json()) {
      printJson(mail ? Json{{"mail", Json{{"header", mail->header}, {"body", mail->body}}}}
                     : Json{{"mail", nullptr}});
    } else if (!mail) {
      std::cerr << "no mail" << std::endl;
    } else {
      for (const std::string& line : mail->header) std::cout << line << "\r\n";
      if (!mail->header.empty()) std::cout << "\r\n";
      std::cout << mail->body << std::flush;
    }
    return kDone;
  });
}

}  // namespace

int ftp(int argc, char** argv) {
  return dispatch("ftp",
                  {{"get", "download a file from the FTP server (AT#FTPGET)", ftpGet},
                   {"put", "upload a file to the FTP server (AT#FTPPUT)", ftpPut}},
                  argc, argv);
}

int mail(int argc, char** argv) {
  return dispatch("mail",
                  {{"send", "send mail combination 1, 2 or 3 (AT#SENDMAILi)", mailSend},
                   {"put", "send a mail whose body comes from stdin (AT#PUTMAIL)", mailPut},
                   {"get", "retrieve the first mail from the POP3 server (AT#GETMAIL)", mailGet}},
                  argc, argv);
}

}  // namespace atsharp::cli::lab
