"""E-mail output: the brief as a standards-compliant .eml (HTML body, plain-text alternative, attachments),
and sending it through an SMTP server (STARTTLS, login from BRIEF_SMTP_USER / BRIEF_SMTP_PASSWORD)."""
from __future__ import annotations

import ipaddress
import mimetypes
import os
import re
import smtplib
import ssl
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, localtime, make_msgid
from html import escape
from pathlib import Path

from brief.atomic import write_atomic
from brief.errors import MailError
from brief.models import Brief
from brief.render import clean_text, render_html, render_text

_TYPES = {".pdf": ("application", "pdf"), ".md": ("text", "markdown"), ".html": ("text", "html"),
          ".json": ("application", "json")}


# Mail servers commonly refuse messages over 10 to 25 MB, and base64 adds a third.
MAX_REVIEW_ATTACHMENT = 5_000_000


def attachments(outputs: list[Path], brief: Brief, warn=None) -> list[Path]:
    """The files a mailed brief carries: its Markdown and PDF, and the review page they refer to, unless that
    is too big to mail (then `warn` says so)."""
    chosen = [Path(p) for p in outputs if Path(p).suffix in (".pdf", ".md")]
    review = next((Path(p) for p in outputs if Path(p).name == brief.review_file), None)
    if review is not None:
        size = review.stat().st_size
        if size <= MAX_REVIEW_ATTACHMENT:
            chosen.append(review)
        elif warn:
            warn(f"{review.name} ({size / 1e6:.1f} MB) is not attached to the e-mail: too big to mail")
    return chosen


def parse_address(value: str, what: str = "address") -> Address:
    """One e-mail address, or MailError naming what is wrong with it. A domain in other letters
    (مثال.مصر) is written in its ASCII form (IDNA), which every server takes."""
    text = (value or "").strip()
    if not text or any(ch in text for ch in "\r\n\t<>,; \"") or text.count("@") != 1:
        raise MailError(f"{what} {value!r}: not a single e-mail address like name@example.org")
    user, domain = text.split("@")
    if not user or "." not in domain or domain.startswith(".") or domain.endswith("."):
        raise MailError(f"{what} {value!r}: not a single e-mail address like name@example.org")
    if not user.isascii():
        raise MailError(f"{what} {value!r}: most mail servers cannot take a name before the @ in other than "
                        "ASCII letters; give an ASCII address")
    try:
        domain = domain.encode("idna").decode("ascii")
        return Address(username=user, domain=domain)
    except (ValueError, IndexError, UnicodeError) as exc:
        raise MailError(f"{what} {value!r}: {exc}") from exc


def sender_address(to: str, sender: str | None = None) -> Address:
    """Who the mail is from: [email] from, else $BRIEF_MAIL_FROM, else the SMTP login when it is an
    address, else the recipient (a brief to oneself); MailError naming the setting that is wrong."""
    if sender:
        return parse_address(sender, "[email] from")
    if os.environ.get("BRIEF_MAIL_FROM"):
        return parse_address(os.environ["BRIEF_MAIL_FROM"], "BRIEF_MAIL_FROM")
    login = os.environ.get("BRIEF_SMTP_USER")
    if login and "@" in login:
        try:
            return parse_address(login, "BRIEF_SMTP_USER")
        except MailError:
            pass  # a login like "desk@corp" is no address: the recipient, as for any other login
    return parse_address(to, "--eml")


def smtp_server(smtp: str) -> tuple[str, int]:
    """HOST and PORT (default 587) of --smtp HOST[:PORT] (an IPv6 address as [ADDRESS]:PORT, or bare
    without a port); MailError when it is not that."""
    value, port = smtp.strip(), "587"
    if value.startswith("["):
        host, bracket, rest = value[1:].partition("]")
        if not bracket or rest[:1] not in ("", ":"):
            host = ""
        elif rest:
            port = rest[1:]
    elif value.count(":") == 1:
        host, _, port = value.partition(":")
    else:
        host = value  # a name, or a bare IPv6 address, whose colons are not a port's
    if not host or not port.isdigit() or not 1 <= int(port) <= 65535:
        raise MailError(f"--smtp must be HOST or HOST:PORT with a port from 1 to 65535 (got {smtp!r})")
    if not _is_host(host):
        # Found before any work, not by the send once the brief is built ("exa mple.org").
        raise MailError(f"--smtp host {host!r} is no host name or IP address")
    return host, int(port)


_HOST_LABEL = re.compile(r"(?!-)[A-Za-z0-9_-]{1,63}(?<!-)")  # (an underscore, as some internal names have)


def _is_host(host: str) -> bool:
    """An IP address, or a name of DNS labels (a domain in other letters in its IDNA form)."""
    try:
        ipaddress.ip_address(host)
        return True
    except ValueError:
        pass
    try:
        ascii_host = host.rstrip(".").encode("idna").decode("ascii")
    except UnicodeError:
        return False
    return 0 < len(ascii_host) <= 253 and all(_HOST_LABEL.fullmatch(label) for label in ascii_host.split("."))


def is_loopback(host: str) -> bool:
    """Whether HOST is this machine itself (localhost, 127.0.0.0/8, ::1): a mail handed to a relay there never
    crosses a network. Names other than localhost are not resolved: a name can point anywhere."""
    host = host.strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _tls_context() -> ssl.SSLContext:
    cafile = os.environ.get("BRIEF_SMTP_CAFILE") or None
    try:
        return ssl.create_default_context(cafile=cafile)
    except (OSError, ssl.SSLError) as exc:
        raise MailError(f"BRIEF_SMTP_CAFILE {cafile!r}: not a readable file of CA certificates ({exc})") from None


def check_mail_settings(to: str | None, sender: str | None = None, smtp: str | None = None) -> None:
    """Every mail setting, from options, brief.toml and the environment, checked before any work: a
    mistake found after the run would leave a brief written and no mail."""
    if smtp and not to:
        raise MailError("--smtp (or [email] smtp) needs --eml TO_ADDRESS (or [email] to)")
    if not to:
        if sender:
            parse_address(sender, "[email] from")
        return
    parse_address(to, "--eml")
    sender_address(to, sender)
    if smtp:
        smtp_server(smtp)
        if os.environ.get("BRIEF_SMTP_USER") and os.environ.get("BRIEF_SMTP_PASSWORD") is None:
            raise MailError("BRIEF_SMTP_USER is set but BRIEF_SMTP_PASSWORD is not")
        _tls_context()


def build_eml(brief: Brief, to: str, attachments: list[Path], sender: str | None = None) -> EmailMessage:
    """The brief as a MIME message: HTML body, plain-text alternative, the given files attached."""
    recipient = parse_address(to, "--eml")
    author = sender_address(to, sender)
    message = EmailMessage(policy=policy.SMTP)
    message["Subject"] = clean_text(brief.title) or f"Brief {brief.date}"
    message["From"] = Address(display_name="brief", username=author.username, domain=author.domain)
    message["To"] = recipient
    message["Date"] = format_datetime(localtime())
    message["Message-ID"] = make_msgid(idstring="brief", domain=author.domain)
    message["X-Mailer"] = f"brief {brief.signature.tool_version}"
    text, page = render_text(brief), render_html(brief, links=False)
    if brief.review_file and brief.review_file not in {Path(p).name for p in attachments}:
        # The brief sends its reader to the review page: say where it is when the mail cannot carry it.
        note = (f"{brief.review_file} is not attached (too big to mail); it is beside the brief where it was "
                "built.")
        text += f"\n{note}\n"
        page = page.replace("</body>", f"<p>{escape(note)}</p>\n</body>", 1)
    message.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    # Links to the review page would be dead in a mail (the page is not attached): the body goes without.
    message.add_alternative(page, subtype="html", charset="utf-8", cte="quoted-printable")
    for path in attachments:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise MailError(f"{path}: cannot attach: {exc.strerror or exc}") from exc
        maintype, subtype = _TYPES.get(path.suffix.lower()) or (
            (mimetypes.guess_type(path.name)[0] or "application/octet-stream").split("/", 1))
        # Attached as bytes (base64), so the file arrives exactly as written, line ends included.
        params = {"charset": "utf-8"} if maintype == "text" else {}
        message.add_attachment(data, maintype=maintype, subtype=subtype, filename=path.name, params=params)
    return message


def eml_bytes(message: EmailMessage) -> bytes:
    """The message as sent on the wire: CRLF line ends, lines within RFC 5322's limit."""
    return message.as_bytes(policy=policy.SMTP)


def write_eml(message: EmailMessage, path: str | os.PathLike) -> Path:
    """Write the message as an .eml file (atomically) that mail clients open and send as is."""
    return write_atomic(path, eml_bytes(message))


def send_smtp(message: EmailMessage, smtp: str) -> None:
    """Send through --smtp HOST[:PORT]: STARTTLS (port 465: implicit TLS; a relay on this machine without
    STARTTLS: plain), login when BRIEF_SMTP_USER is set. $BRIEF_SMTP_CAFILE names extra CA certificates to trust (a company relay, a test server)."""
    host, port = smtp_server(smtp)
    user = os.environ.get("BRIEF_SMTP_USER")
    password = os.environ.get("BRIEF_SMTP_PASSWORD")
    if user and password is None:
        raise MailError("BRIEF_SMTP_USER is set but BRIEF_SMTP_PASSWORD is not")
    context = _tls_context()
    where = f"{host}:{port}"
    sender = message["From"].addresses[0].addr_spec
    recipients = [a.addr_spec for a in message["To"].addresses]
    client = None
    try:
        if port == 465:
            client = smtplib.SMTP_SSL(host, port, timeout=30, context=context)
        else:
            client = smtplib.SMTP(host, port, timeout=30)
        client.ehlo()
        # A relay on this machine (postfix, msmtpd) that offers no STARTTLS gets the mail in the clear: it
        # crosses no network on the way, and how it goes on is the relay's own configuration.
        if port != 465 and (client.has_extn("starttls") or not is_loopback(host)):
            if not client.has_extn("starttls"):
                raise MailError(f"{where}: the server does not offer STARTTLS; not sending in the clear")
            client.starttls(context=context)
            client.ehlo()
        if user:
            client.login(user, password)
        refused = client.sendmail(sender, recipients, eml_bytes(message))
        if refused:
            raise MailError(f"{where}: recipients refused: {', '.join(refused)}")
    except MailError:
        raise
    except smtplib.SMTPAuthenticationError as exc:
        raise MailError(f"{where}: login refused for {user}: {exc.smtp_code}") from exc
    except smtplib.SMTPRecipientsRefused as exc:
        said = "; ".join(f"{who} ({code} {_said(text)})" for who, (code, text) in exc.recipients.items())
        raise MailError(f"{where}: recipient refused: {said}") from exc
    except smtplib.SMTPResponseException as exc:
        raise MailError(f"{where}: the server refused the mail ({exc.smtp_code} {_said(exc.smtp_error)})") from exc
    except (smtplib.SMTPException, ssl.SSLError, OSError) as exc:
        raise MailError(f"{where}: sending failed ({type(exc).__name__}: {exc})") from exc
    finally:
        if client is not None:
            # Once DATA is accepted the mail is sent: a server that then ends the session badly has not
            # un-sent it, and calling that a failure would have a retry send it twice.
            try:
                client.quit()
            except (smtplib.SMTPException, OSError):
                client.close()


def _said(text: bytes | str) -> str:
    """A server's reply as one line of text."""
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return " ".join(text.split())
