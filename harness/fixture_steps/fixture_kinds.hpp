#pragma once
// The fixture step kinds, one registration function per fixture (one file each).

#include "steps/step_registry.hpp"

namespace atsharp::harness::fixture_steps {

/// ftp_fault, smtp_fault, pop3_fault, ftp_expect_commands, smtp_expect_commands,
/// pop3_expect_commands.
void addServerSteps(StepRegistry& registry);
/// ftp_put_file, ftp_expect_file.
void addFtpSteps(StepRegistry& registry);
/// smtp_expect_mail, pop3_add_message, pop3_expect_mailbox.
void addMailSteps(StepRegistry& registry);
/// dns_records, dns_fault, dns_expect_query.
void addDnsSteps(StepRegistry& registry);
/// tcp_listen, tcp_connect, tcp_send, tcp_close, tcp_expect_received, tcp_expect_closed.
void addTcpSteps(StepRegistry& registry);
/// udp_open, udp_send, udp_expect_datagram.
void addUdpSteps(StepRegistry& registry);
/// vsftpd_put_file, vsftpd_expect_file, dovecot_add_message, dovecot_expect_mailbox,
/// smtpd_expect_mail (the real daemons, daemon_steps.cpp).
void addDaemonSteps(StepRegistry& registry);

}  // namespace atsharp::harness::fixture_steps
