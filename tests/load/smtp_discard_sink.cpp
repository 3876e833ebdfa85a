// smtp_discard_sink.cpp: the benchmark's SMTP server. It speaks enough SMTP for the mailer
// (EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT), accepts every message and keeps none.
//
// Why not the dev stack's sink (aiosmtpd writing a Maildir): on the benchmark's two cores it
// spent about 3 ms of CPU per message, 5% of an account application whose Argon2id hash is the
// thing measured. A real relay runs on another host. The benchmark still checks that every
// queued message was delivered: the outbox must show them sent.
//
//   smtp_discard_sink PORT        (listens on 127.0.0.1; stops on SIGTERM or SIGINT)
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

volatile std::sig_atomic_t stopping = 0;
void on_stop(int) { stopping = 1; }

constexpr std::size_t kMaxLine = 1000;          // RFC 5321's limit, CRLF included
constexpr std::size_t kMaxPending = 64u << 20;  // a client sending more is dropped

struct Client {
  int fd = -1;
  std::string in;         // received, not yet handled
  std::string out;        // replies not yet written
  bool in_data = false;   // between DATA's 354 and the lone "."
  bool closing = false;   // close once `out` is written (QUIT, or a line too long)
};

bool starts_with_command(std::string_view line, std::string_view command) {
  if (line.size() < command.size()) return false;
  for (std::size_t i = 0; i < command.size(); ++i) {
    char c = line[i];
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c != command[i]) return false;
  }
  return line.size() == command.size() || line[command.size()] == ' ' ||
         line[command.size()] == ':';
}

// One command line (CRLF removed) → the reply to send.
std::string reply_to(Client& client, std::string_view line) {
  if (starts_with_command(line, "EHLO") || starts_with_command(line, "HELO"))
    return "250-discard-sink\r\n250-8BITMIME\r\n250 SIZE 10485760\r\n";
  if (starts_with_command(line, "MAIL") || starts_with_command(line, "RCPT") ||
      starts_with_command(line, "RSET") || starts_with_command(line, "NOOP"))
    return "250 OK\r\n";
  if (starts_with_command(line, "DATA")) {
    client.in_data = true;
    return "354 End data with <CR><LF>.<CR><LF>\r\n";
  }
  if (starts_with_command(line, "QUIT")) {
    client.closing = true;
    return "221 Bye\r\n";
  }
  return "502 Command not implemented\r\n";
}

// Handles every complete line received so far.
void handle_input(Client& client) {
  std::size_t start = 0;
  for (;;) {
    std::size_t end = client.in.find("\r\n", start);
    if (end == std::string::npos) break;
    std::string_view line(client.in.data() + start, end - start);
    start = end + 2;
    if (client.in_data) {
      if (line == ".") {
        client.in_data = false;
        client.out += "250 OK: discarded\r\n";
      }
      continue;  // message text: dropped
    }
    if (line.size() + 2 > kMaxLine) {
      client.out += "500 Line too long\r\n";
      client.closing = true;
    } else {
      client.out += reply_to(client, line);
    }
    if (client.closing) break;
  }
  client.in.erase(0, start);
  if (!client.in_data && client.in.size() > kMaxLine) {
    client.out += "500 Line too long\r\n";
    client.closing = true;
  }
}

int listen_on(int port) {
  int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (fd < 0) return -1;
  int yes = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<std::uint16_t>(port));
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || listen(fd, 64) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// Reads what the client sent and writes what it is owed; false when the connection is done.
bool serve(Client& client, short events) {
  if (events & POLLIN) {
    char buffer[16384];
    ssize_t n = read(client.fd, buffer, sizeof buffer);
    if (n <= 0) return n < 0 && (errno == EINTR || errno == EAGAIN);
    client.in.append(buffer, static_cast<std::size_t>(n));
    if (client.in.size() > kMaxPending) return false;
    handle_input(client);
  }
  if (!client.out.empty()) {
    ssize_t n = write(client.fd, client.out.data(), client.out.size());
    if (n < 0) return errno == EINTR || errno == EAGAIN;
    client.out.erase(0, static_cast<std::size_t>(n));
  }
  if (events & (POLLERR | POLLHUP)) return false;
  return !(client.closing && client.out.empty());
}

}  // namespace

int main(int argc, char** argv) {
  int port = argc == 2 ? std::atoi(argv[1]) : 0;
  if (port <= 0 || port > 65535) {
    std::fprintf(stderr, "usage: smtp_discard_sink PORT\n");
    return 2;
  }
  int listener = listen_on(port);
  if (listener < 0) {
    std::perror("smtp_discard_sink: listen");
    return 1;
  }
  std::signal(SIGTERM, on_stop);
  std::signal(SIGINT, on_stop);
  std::signal(SIGPIPE, SIG_IGN);
  std::vector<Client> clients;
  while (!stopping) {
    std::vector<pollfd> watched{{listener, POLLIN, 0}};
    for (const Client& c : clients)
      watched.push_back({c.fd, static_cast<short>(POLLIN | (c.out.empty() ? 0 : POLLOUT)), 0});
    if (poll(watched.data(), watched.size(), 500) < 0) continue;  // EINTR: look at `stopping`
    for (std::size_t i = clients.size(); i-- > 0;) {
      short events = watched[i + 1].revents;
      if (events == 0) continue;
      if (!serve(clients[i], events)) {
        close(clients[i].fd);
        clients.erase(clients.begin() + static_cast<std::ptrdiff_t>(i));
      }
    }
    if (watched[0].revents & POLLIN) {
      int fd = accept4(listener, nullptr, nullptr, SOCK_CLOEXEC | SOCK_NONBLOCK);
      if (fd >= 0) {
        Client client;
        client.fd = fd;
        client.out = "220 discard-sink ESMTP\r\n";
        clients.push_back(std::move(client));
      }
    }
  }
  for (const Client& c : clients) close(c.fd);
  close(listener);
  return 0;
}
