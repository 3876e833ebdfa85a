// maildir.cpp: reads the SMTP sink's Maildir: headers decoded (RFC 2047), base64 bodies.
#include "tests/integration/support/maildir.h"

#include <dirent.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include "tests/integration/support/http_client.h"
#include "tests/integration/support/stack.h"

namespace xueji::testing {

std::string base64_decode(const std::string& in) {
  static const std::string alphabet =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  int bits = 0;
  unsigned value = 0;
  for (char c : in) {
    std::size_t v = alphabet.find(c);
    if (v == std::string::npos) continue;  // line breaks and padding
    value = (value << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((value >> bits) & 0xFF);
    }
  }
  return out;
}

// RFC 2047 B and Q words; whitespace between two encoded words is dropped.
std::string decode_header(const std::string& value) {
  static const std::regex word(R"(=\?[Uu][Tt][Ff]-8\?([BbQq])\?([^?]*)\?=)");
  std::string out;
  auto begin = std::sregex_iterator(value.begin(), value.end(), word);
  std::size_t last = 0;
  bool previous_was_word = false;
  for (auto it = begin; it != std::sregex_iterator(); ++it) {
    std::string between = value.substr(last, it->position() - last);
    if (!(previous_was_word && between.find_first_not_of(" \t\r\n") == std::string::npos)) {
      out += between;
    }
    std::string text = (*it)[2];
    if ((*it)[1] == "B" || (*it)[1] == "b") {
      out += base64_decode(text);
    } else {
      for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '_') {
          out += ' ';
        } else if (text[i] == '=' && i + 2 < text.size()) {
          out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
          i += 2;
        } else {
          out += text[i];
        }
      }
    }
    last = it->position() + it->length();
    previous_was_word = true;
  }
  return out + value.substr(last);
}

Mail parse_mail(const std::string& raw) {
  std::string text;
  for (char c : raw) {
    if (c != '\r') text += c;
  }
  std::size_t split = text.find("\n\n");
  std::string head = text.substr(0, split);
  std::string body = split == std::string::npos ? "" : text.substr(split + 2);
  // Unfold continuation lines, then read the headers we need.
  std::string unfolded;
  for (std::size_t i = 0; i < head.size(); ++i) {
    if (head[i] == '\n' && i + 1 < head.size() && (head[i + 1] == ' ' || head[i + 1] == '\t')) {
      continue;
    }
    unfolded += head[i];
  }
  Mail mail;
  std::string encoding;
  std::istringstream lines(unfolded);
  for (std::string line; std::getline(lines, line);) {
    std::size_t colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    value.erase(0, value.find_first_not_of(" \t"));
    if (name == "to") mail.to = value;
    if (name == "subject") mail.subject = decode_header(value);
    if (name == "content-transfer-encoding") encoding = value;
  }
  for (char& c : encoding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  mail.body = encoding == "base64" ? base64_decode(body) : body;
  mail.body.erase(std::remove(mail.body.begin(), mail.body.end(), '\r'), mail.body.end());
  return mail;
}

std::vector<std::string> mail_dirs() {
  const char* list = std::getenv("XUEJI_TEST_MAIL_DIRS");
  if (!list || !*list) return {var_dir() + "/mail/new"};
  std::vector<std::string> dirs;
  std::stringstream in(list);
  for (std::string dir; std::getline(in, dir, ':');) {
    if (!dir.empty()) dirs.push_back(dir);
  }
  return dirs;
}

std::vector<Mail> all_delivered() {
  std::vector<Mail> mails;
  for (const std::string& dir : mail_dirs()) {
    DIR* d = opendir(dir.c_str());
    if (!d) continue;
    while (dirent* e = readdir(d)) {
      if (e->d_name[0] == '.') continue;
      std::ifstream in(dir + "/" + e->d_name, std::ios::binary);
      std::stringstream raw;
      raw << in.rdbuf();
      mails.push_back(parse_mail(raw.str()));
    }
    closedir(d);
  }
  return mails;
}

// Delivered mails to `address` with `subject`, waiting (polling) up to 30 s for `count` of them.
std::vector<Mail> delivered(const std::string& address, const std::string& subject,
                            std::size_t count) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    std::vector<Mail> found;
    for (const Mail& m : all_delivered()) {
      if (contains(m.to, address) && m.subject == subject) found.push_back(m);
    }
    if (found.size() >= count || std::chrono::steady_clock::now() > deadline) return found;
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

}  // namespace xueji::testing
