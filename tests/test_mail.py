"""E-mail output: the .eml's MIME structure, and sending through a real local SMTP server (aiosmtpd)."""
from __future__ import annotations

import email
import shutil
import socket
import ssl
import subprocess
from email import policy

import pytest

from brief import mail, render
from brief.errors import MailError
from render_briefs import make_brief

OPENSSL = shutil.which("openssl")


@pytest.fixture()
def outputs(tmp_path):
    brief = make_brief(4)
    paths = render.write_outputs(brief, tmp_path, formats=("md", "pdf"), review=False).paths
    return brief, paths


def test_the_mail_carries_the_review_page_the_brief_names_unless_too_big_to_mail(tmp_path, monkeypatch):
    written = render.write_outputs(make_brief(4), tmp_path, formats=("md", "pdf", "html"))
    names = [p.name for p in mail.attachments(written.paths, written.fitted)]
    assert sorted(names) == ["brief-2024-06-20.md", "brief-2024-06-20.pdf", "review-2024-06-20.html"]
    warnings = []
    monkeypatch.setattr(mail, "MAX_REVIEW_ATTACHMENT", 1000)
    names = [p.name for p in mail.attachments(written.paths, written.fitted, warn=warnings.append)]
    assert sorted(names) == ["brief-2024-06-20.md", "brief-2024-06-20.pdf"]
    assert len(warnings) == 1 and "review-2024-06-20.html" in warnings[0] and "too big to mail" in warnings[0]
    # The mail then says where the page its text refers to is; with the page attached, it says nothing.
    kept = mail.attachments(written.paths, written.fitted, warn=warnings.append)
    message = mail.build_eml(written.fitted, "desk@example.org", kept, sender="bot@example.org")
    bodies = [part.get_content() for part in message.walk() if part.get_content_type() in ("text/plain", "text/html")]
    assert len(bodies) == 2 and all("review-2024-06-20.html is not attached (too big to mail)" in body for body in bodies)
    monkeypatch.setattr(mail, "MAX_REVIEW_ATTACHMENT", 10**9)
    whole = mail.build_eml(written.fitted, "desk@example.org", mail.attachments(written.paths, written.fitted),
                           sender="bot@example.org")
    assert "not attached" not in whole.as_string()


def test_eml_parses_into_html_text_and_attachments(outputs, tmp_path):
    brief, paths = outputs
    message = mail.build_eml(brief, "desk@example.org", paths, sender="bot@example.org")
    path = mail.write_eml(message, tmp_path / "brief.eml")
    raw = path.read_bytes()
    assert b"\r\n" in raw and all(len(line) <= 998 for line in raw.split(b"\r\n"))
    raw.decode("ascii")  # 7-bit clean: UTF-8 only inside encoded words and transfer encodings
    parsed = email.message_from_bytes(raw, policy=policy.default)
    assert parsed.get_content_type() == "multipart/mixed"
    assert parsed["Subject"] == brief.title and parsed["To"] == "desk@example.org"
    assert parsed["From"].addresses[0].addr_spec == "bot@example.org" and parsed["Message-ID"] and parsed["Date"]
    body, *attached = parsed.iter_parts()
    assert body.get_content_type() == "multipart/alternative"
    plain, html = body.iter_parts()
    assert plain.get_content_type() == "text/plain" and html.get_content_type() == "text/html"
    assert brief.points[0].english in plain.get_content()
    assert brief.points[0].arabic.split()[0] in html.get_content()
    assert brief.signature.line() in html.get_content()
    assert 'class="review-link"' not in html.get_content()  # the review page is not attached
    assert [(a.get_content_type(), a.get_filename()) for a in attached] == [
        ("text/markdown", "brief-2024-06-20.md"), ("application/pdf", "brief-2024-06-20.pdf")]
    assert attached[1].get_content() == paths[1].read_bytes()
    assert attached[0].get_payload(decode=True) == paths[0].read_bytes()
    assert attached[0].get_content_charset() == "utf-8"


def test_arabic_subject_is_encoded_and_decodes_back(tmp_path):
    brief = make_brief(1)
    brief.title = "موجز الصحافة \u202E 2024-06-20"
    raw = mail.eml_bytes(mail.build_eml(brief, "desk@example.org", []))
    assert b"=?utf-8?" in raw
    assert email.message_from_bytes(raw, policy=policy.default)["Subject"] == "موجز الصحافة 2024-06-20"


@pytest.mark.parametrize("address", ["", "desk", "a@b", "a@b.org\r\nBcc: x@y.org", "a@b.org, c@d.org", "<a@b.org>"])
def test_bad_addresses_are_refused(address):
    with pytest.raises(MailError):
        mail.build_eml(make_brief(1), address, [])


def test_missing_attachment_is_a_mail_error(tmp_path):
    with pytest.raises(MailError, match="cannot attach"):
        mail.build_eml(make_brief(1), "desk@example.org", [tmp_path / "gone.pdf"])


@pytest.mark.parametrize("env, smtp, said", [
    ({"BRIEF_MAIL_FROM": "news@localhost"}, None, "BRIEF_MAIL_FROM 'news@localhost'"),
    ({"BRIEF_MAIL_FROM": "newsdesk"}, None, "BRIEF_MAIL_FROM 'newsdesk'"),  # was silently ignored
    ({"BRIEF_SMTP_USER": "desk"}, "localhost", "BRIEF_SMTP_PASSWORD is not"),
    ({"BRIEF_SMTP_CAFILE": "/nonexistent.pem"}, "localhost", "BRIEF_SMTP_CAFILE '/nonexistent.pem'"),
    ({"BRIEF_SMTP_CAFILE": __file__}, "localhost", "BRIEF_SMTP_CAFILE"),  # a file, but no certificate
])
def test_mail_settings_from_the_environment_are_checked_before_any_work(monkeypatch, env, smtp, said):
    from brief.config import BuildSettings
    from brief.errors import UsageError

    for name in ("BRIEF_MAIL_FROM", "BRIEF_SMTP_USER", "BRIEF_SMTP_PASSWORD", "BRIEF_SMTP_CAFILE"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    with pytest.raises(UsageError, match=said.replace("(", r"\(")) as error:
        BuildSettings(sources=["x"], email_to="desk@example.org", smtp=smtp).validate()
    assert "\n" not in str(error.value)


def test_a_login_that_is_no_address_leaves_the_recipient_as_sender(monkeypatch):
    monkeypatch.delenv("BRIEF_MAIL_FROM", raising=False)
    for login in ("desk@corp", "deskuser", "DOMAIN\\desk"):
        monkeypatch.setenv("BRIEF_SMTP_USER", login)
        assert str(mail.sender_address("desk@example.org")) == "desk@example.org"
    monkeypatch.setenv("BRIEF_SMTP_USER", "bot@example.org")
    assert str(mail.sender_address("desk@example.org")) == "bot@example.org"


def test_addresses_in_other_letters_are_sent_in_ascii_form_or_refused_up_front():
    assert str(mail.parse_address("desk@مثال.مصر")) == "desk@xn--mgbh0fb.xn--wgbh1c"
    with pytest.raises(MailError, match="ASCII"):
        mail.check_mail_settings("مكتب@example.org")


# ---------------------------------------------------------------- a real SMTP server on 127.0.0.1

def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory):
    if not OPENSSL:
        pytest.skip("openssl not installed: cannot make the test server's certificate")
    folder = tmp_path_factory.mktemp("tls")
    subprocess.run([OPENSSL, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(folder / "key.pem"),
                    "-out", str(folder / "cert.pem")], check=True, capture_output=True)
    return folder / "cert.pem", folder / "key.pem"


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content, session.authenticated))
        return "250 OK"


def start_server(certificate, *, tls: bool = True):
    from aiosmtpd.controller import Controller
    from aiosmtpd.smtp import AuthResult, LoginPassword

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"desk" and auth_data.password == b"s3cret"
        return AuthResult(success=ok, handled=False)  # handled=False: the server answers 535 itself

    context = None
    if tls:
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(*map(str, certificate))
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port(), tls_context=context,
                            require_starttls=tls, authenticator=authenticator, auth_require_tls=tls,
                            auth_exclude_mechanism=["LOGIN"])
    controller.start()
    return controller, inbox


def test_sending_through_a_real_smtp_server_arrives_byte_identical(outputs, certificate, tmp_path, monkeypatch):
    brief, paths = outputs
    monkeypatch.setenv("BRIEF_SMTP_USER", "desk")
    monkeypatch.setenv("BRIEF_SMTP_PASSWORD", "s3cret")
    monkeypatch.setenv("BRIEF_SMTP_CAFILE", str(certificate[0]))
    message = mail.build_eml(brief, "desk@example.org", paths, sender="bot@example.org")
    eml = mail.write_eml(message, tmp_path / "brief.eml").read_bytes()
    controller, inbox = start_server(certificate)
    try:
        mail.send_smtp(message, f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    [(sender, recipients, content, authenticated)] = inbox.messages
    assert sender == "bot@example.org" and recipients == ["desk@example.org"] and authenticated
    assert content == eml


def test_wrong_password_is_a_one_line_mail_error(certificate, monkeypatch):
    monkeypatch.setenv("BRIEF_SMTP_USER", "desk")
    monkeypatch.setenv("BRIEF_SMTP_PASSWORD", "wrong")
    monkeypatch.setenv("BRIEF_SMTP_CAFILE", str(certificate[0]))
    controller, inbox = start_server(certificate)
    try:
        with pytest.raises(MailError, match="login refused") as info:
            mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []), f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    assert "\n" not in str(info.value) and not inbox.messages


def test_untrusted_certificate_is_refused(certificate, monkeypatch):
    monkeypatch.delenv("BRIEF_SMTP_CAFILE", raising=False)
    monkeypatch.delenv("BRIEF_SMTP_USER", raising=False)
    controller, inbox = start_server(certificate)
    try:
        with pytest.raises(MailError, match="sending failed"):
            mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []), f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    assert not inbox.messages


def test_no_starttls_means_no_sending_in_the_clear_except_to_a_relay_on_this_machine(certificate, monkeypatch):
    monkeypatch.delenv("BRIEF_SMTP_USER", raising=False)
    controller, inbox = start_server(certificate, tls=False)
    try:
        # 127.0.0.1 is this machine: a local relay (postfix, msmtpd) without STARTTLS gets it in the clear.
        mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []), f"127.0.0.1:{controller.port}")
        assert len(inbox.messages) == 1
        monkeypatch.setattr(mail, "is_loopback", lambda host: False)  # the same server as if across a network
        with pytest.raises(MailError, match="does not offer STARTTLS; not sending in the clear"):
            mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []), f"127.0.0.1:{controller.port}")
    finally:
        controller.stop()
    assert len(inbox.messages) == 1


@pytest.mark.parametrize("host, loopback", [
    ("localhost", True), ("LOCALHOST.", True), ("127.0.0.1", True), ("127.3.2.1", True), ("::1", True),
    ("[::1]", True), ("10.0.0.1", False), ("smtp.example.org", False), ("localhost.example.org", False),
    ("0.0.0.0", False)])
def test_only_this_machine_counts_as_loopback(host, loopback):
    assert mail.is_loopback(host) is loopback


def test_unreachable_server_is_a_mail_error():
    with pytest.raises(MailError, match="sending failed"):
        mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []), f"127.0.0.1:{free_port()}")


def test_a_mail_the_server_accepted_is_sent_even_if_the_server_then_ends_the_session_badly():
    import socketserver
    import threading

    received = []

    class AcceptsThenQuits421(socketserver.StreamRequestHandler):
        def handle(self):
            self.wfile.write(b"220 test\r\n")
            for line in self.rfile:
                verb = line[:4].upper()
                if verb == b"DATA":
                    self.wfile.write(b"354 go\r\n")
                    received.append(b"".join(iter(lambda: self.rfile.readline(), b".\r\n")))
                    self.wfile.write(b"250 queued\r\n")
                elif verb == b"QUIT":
                    self.wfile.write(b"421 closing badly\r\n")
                    return
                else:
                    self.wfile.write(b"250 ok\r\n")

    server = socketserver.TCPServer(("127.0.0.1", 0), AcceptsThenQuits421)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        mail.send_smtp(mail.build_eml(make_brief(1), "desk@example.org", []),
                       f"127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    assert len(received) == 1  # delivered once, and said to be sent: a retry would send it twice


def test_a_mail_that_cannot_be_sent_leaves_the_brief_and_a_report_saying_so(tiny_model_dir, tmp_path, monkeypatch):
    from pathlib import Path

    from brief.config import BuildSettings
    from brief.pipeline import build

    monkeypatch.delenv("BRIEF_SMTP_USER", raising=False)
    seed = Path(__file__).resolve().parent.parent / "seeds" / "004_3c6385f6fb4de3b3.txt"
    settings = BuildSettings(sources=[str(seed)], output=str(tmp_path), formats=["md"], model=str(tiny_model_dir),
                             cache=False, date="2026-11-24", email_to="desk@example.org",
                             smtp=f"127.0.0.1:{free_port()}")
    result = build(settings)
    assert result.exit_code == 2 and "sending failed" in result.error and "the brief is written" in result.error
    report = result.report
    assert report["error"] == result.error and report["mail"]["sent"] is False
    assert report["mail"]["eml"].endswith("brief-2026-11-24.eml") and Path(report["mail"]["eml"]).exists()
    assert (tmp_path / "brief-2026-11-24.md").exists()


def test_a_mail_only_written_says_nothing_was_sent_rather_than_a_failure(tiny_model_dir, tmp_path):
    from pathlib import Path

    from brief.config import BuildSettings
    from brief.pipeline import build

    seed = Path(__file__).resolve().parent.parent / "seeds" / "004_3c6385f6fb4de3b3.txt"
    result = build(BuildSettings(sources=[str(seed)], output=str(tmp_path), formats=["md"],
                                 model=str(tiny_model_dir), cache=False, date="2026-11-24",
                                 email_to="desk@example.org"))
    assert result.exit_code == 0 and "error" not in result.report
    assert result.report["mail"]["sent"] is None and result.report["mail"]["smtp"] is None
    assert Path(result.report["mail"]["eml"]).exists()


@pytest.mark.parametrize("value, expected", [
    ("smtp.example.org", ("smtp.example.org", 587)), ("localhost:25", ("localhost", 25)),
    ("[::1]:25", ("::1", 25)), ("[::1]", ("::1", 587)), ("::1", ("::1", 587)), ("127.0.0.1:465", ("127.0.0.1", 465))])
def test_smtp_server_reads_names_ipv4_and_ipv6(value, expected):
    assert mail.smtp_server(value) == expected


@pytest.mark.parametrize("value", ["", ":25", "host:", "host:0", "host:70000", "[::1]x", "[]:25", "[::1"])
def test_smtp_server_refuses_what_is_not_host_and_port(value):
    with pytest.raises(MailError, match="--smtp must be HOST or HOST:PORT"):
        mail.smtp_server(value)


@pytest.mark.parametrize("value", ["exa mple.org", "exa mple.org:587", "bad!host", "-lead.example", "a..b"])
def test_smtp_server_refuses_a_host_no_network_could_name(value):
    # Found by the send once the brief was built ("sending failed (gaierror ...)"), not before any work.
    with pytest.raises(MailError, match="is no host name or IP address"):
        mail.smtp_server(value)
