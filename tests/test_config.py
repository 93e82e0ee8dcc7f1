import re

import pytest

from brief.config import BuildSettings, load_config, merge_settings
from brief.errors import UsageError


def test_command_line_overrides_config_file(tmp_path):
    (tmp_path / "brief.toml").write_text(
        'sources = ["inbox"]\noutput = "briefs"\ntitle = "Desk brief"\nvariant = "both"\n'
        '[translation]\nengine = "transformers"\nbeams = 2\n[email]\nto = "desk@example.org"\n', encoding="utf-8")
    config = load_config(str(tmp_path / "brief.toml"))
    settings = merge_settings(config, {"title": "Override", "variant": None, "beams": None})
    assert settings.title == "Override"
    assert settings.variant == "both"
    assert settings.engine == "transformers" and settings.beams == 2
    assert settings.email_to == "desk@example.org"
    # Paths in the file are relative to the file, not to where brief runs.
    assert settings.sources == [str(tmp_path / "inbox")]
    assert settings.output == str(tmp_path / "briefs")


@pytest.mark.parametrize("content, message", [
    ('colour = "red"\n', "unknown setting"),
    ("title = \n", "not a valid TOML"),
    ('variant = "shouting"\n', "variant must be one of"),
    ("sources = 5\n", "setting sources must be a list of strings"),
    ('output = 7\n', "setting output must be a string"),
    ('[translation]\nglossary = 5\n', "setting glossary must be a string"),
    ('max_points = "8"\n', "setting max_points must be a whole number"),
    ("cache = 1\n", "setting cache must be true or false"),
    ("beams = true\n", "setting beams must be a whole number"),
    ('max_file_mb = "big"\n', "setting max_file_mb must be a number"),
    ("max_file_mb = inf\n", "max_file_mb must be a number of megabytes above 0"),
    ("max_total_mb = nan\n", "max_total_mb must be a number of megabytes above 0"),
    ("max_file_mb = -1\n", "max_file_mb must be a number of megabytes above 0"),
    ("max_words = 0\n", "max_words must be 1 or more"),
    ('email = "desk@example.org"\n', r"\[email\] is a table of settings \(to, from, smtp\)"),
    ('format = "pdf"\n', "unknown setting 'format' \\(did you mean 'formats'\\?\\)"),
])
def test_bad_config_is_a_one_line_usage_error(tmp_path, content, message):
    path = tmp_path / "brief.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(UsageError, match=message):
        merge_settings(load_config(str(path)), {})


def test_missing_explicit_config_is_an_error(tmp_path):
    with pytest.raises(UsageError, match="config file not found"):
        load_config(str(tmp_path / "nope.toml"))


def test_bad_date_and_format_are_refused():
    # One day, one spelling: Python also parses "20261124" and "2026-W48-2" as dates.
    for date in ("24/11/2026", "20261124", "2026-W48-2"):
        with pytest.raises(UsageError, match="YYYY-MM-DD"):
            merge_settings({}, {"date": date})
    with pytest.raises(UsageError, match="2026-11-31 is no day of the calendar"):  # the form is right, the day not
        merge_settings({}, {"date": "2026-11-31"})
    with pytest.raises(UsageError, match="--format"):
        merge_settings({}, {"formats": ["docx"]})
    # A slip of a digit would record the articles as briefed years away (and 0001-01-01 broke the run).
    import datetime

    for date in ("0001-01-01", "1989-12-31", (datetime.date.today() + datetime.timedelta(days=2)).isoformat()):
        with pytest.raises(UsageError, match="not a plausible day"):
            merge_settings({}, {"date": date})
    merge_settings({}, {"date": (datetime.date.today() + datetime.timedelta(days=1)).isoformat()})


@pytest.mark.parametrize("title", ["", "   ", "\u200b\u202e "])
def test_a_blank_title_is_refused_not_printed_as_an_empty_heading(title):
    with pytest.raises(UsageError, match="--title is blank"):
        merge_settings({}, {"title": title})


def test_one_source_may_be_a_string_and_a_size_a_whole_number(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text('sources = "inbox"\nmax_file_mb = 5\n', encoding="utf-8")
    settings = merge_settings(load_config(str(path)), {})
    assert settings.sources == [str(tmp_path / "inbox")] and settings.max_file_mb == 5.0


@pytest.mark.parametrize("mail, message", [
    ({"smtp": "localhost:25"}, "needs --eml"),  # [email] smtp without to sent nothing, silently
    ({"email_to": "desk@example.org", "smtp": "localhost:abc"}, "HOST:PORT"),
    ({"email_to": "desk@example.org", "smtp": "localhost:70000"}, "HOST:PORT"),
    ({"email_to": "notanaddress"}, "not a single e-mail address"),
    ({"email_to": "desk@example.org", "email_from": "a@b@c"}, "not a single e-mail address"),
])
def test_mail_settings_are_checked_before_any_work(mail, message):
    with pytest.raises(UsageError, match=message):
        merge_settings({}, {"sources": ["x"], **mail})


def test_one_source_given_as_a_string_is_one_path():
    from brief.config import BuildSettings

    settings = BuildSettings(sources="inbox", formats="md,pdf")
    settings.validate()
    assert settings.sources == ["inbox"] and settings.formats == ["md", "pdf"]


def test_a_config_with_a_bom_a_toml_date_and_glossary_none_beside_it(tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    path = folder / "brief.toml"
    path.write_bytes(b'\xef\xbb\xbfdate = 2024-06-10\n[translation]\nglossary = "none"\n')
    values = load_config(str(path))
    assert values["date"] == "2024-06-10" and values["glossary"] == "none"  # not desk/none, a missing file
    assert merge_settings(values, {}).date == "2024-06-10"


def test_a_bad_value_from_the_file_names_the_file(tmp_path):
    path = tmp_path / "brief.toml"
    path.write_text("max_points = 0\n", encoding="utf-8")
    with pytest.raises(UsageError, match=rf"--max-points must be between 1 and 50 \(got 0\) \(set as max_points in "
                                         rf"{re.escape(str(path))}\)"):
        merge_settings(load_config(str(path)), {})
    path.write_text('[translation]\nengine = "fast"\n', encoding="utf-8")
    with pytest.raises(UsageError, match=r"--engine must be one of .* \(set as engine in "):
        merge_settings(load_config(str(path)), {})
    # Keys whose option is spelled otherwise are named too, as the file spells them.
    for text, said in (('formats = "docx"\n', "set as formats in "), ('[email]\nto = "bad"\n', "set as [email] to in "),
                       ('[email]\nfrom = "x"\nto = "a@b.org"\n', "set as [email] from in ")):
        path.write_text(text, encoding="utf-8")
        with pytest.raises(UsageError, match=re.escape(said + str(path))):
            merge_settings(load_config(str(path)), {})
    path.write_text("max_points = 0\n", encoding="utf-8")
    with pytest.raises(UsageError) as error:  # given on the command line, it is the option's own mistake
        merge_settings(load_config(str(path)), {"max_points": 0})
    assert "set as" not in str(error.value)


def test_choices_are_read_whatever_their_case():
    settings = BuildSettings(sources=["seeds"], formats="MD,Pdf", paper="A4", variant="English", engine="CTranslate2",
                             precision="INT8", device="CPU")
    settings.validate()
    assert (settings.formats, settings.paper, settings.variant, settings.engine, settings.precision,
            settings.device) == (["md", "pdf"], "a4", "english", "ctranslate2", "int8", "cpu")


def test_corrections_none_turns_them_off_and_an_empty_output_is_refused():
    settings = BuildSettings(sources=["seeds"], corrections="none")
    settings.validate()
    assert settings.corrections is None
    with pytest.raises(UsageError, match="--output is empty"):
        BuildSettings(sources=["seeds"], output=" ").validate()
    with pytest.raises(UsageError, match="--model is empty"):  # it fell back to another model without a word
        BuildSettings(sources=["seeds"], model="").validate()


def test_a_model_directory_in_the_config_is_read_beside_it_a_hub_id_is_not(tmp_path, monkeypatch):
    # A cron job's working directory held another "tiny": it was used without a word.
    desk = tmp_path / "desk"
    (desk / "tiny").mkdir(parents=True)
    (tmp_path / "tiny").mkdir()
    monkeypatch.chdir(tmp_path)
    for model, expected in (("tiny", str(desk / "tiny")), ("./models/ar-en", str(desk / "models/ar-en")),
                            ("Helsinki-NLP/opus-mt-ar-en", "Helsinki-NLP/opus-mt-ar-en")):
        (desk / "brief.toml").write_text(f'[translation]\nmodel = "{model}"\n', encoding="utf-8")
        assert load_config(str(desk / "brief.toml"))["model"] == expected
