from pasapas.tools.doctor import INSTALL_COMMAND, main, missing_system_packages


def test_names_chromium_the_arabic_font_and_java_when_they_are_missing(tmp_path):
    assert missing_system_packages(tmp_path / "chromium", tmp_path / "fonts", java=None) == [
        "chromium",
        "fonts-noto-core",
        "default-jre-headless",
    ]


def test_finds_nothing_missing_when_all_are_there(tmp_path):
    (tmp_path / "chromium").touch()
    (tmp_path / "NotoSansArabic-Regular.ttf").touch()
    assert missing_system_packages(tmp_path / "chromium", tmp_path, java="sh") == []


def test_prints_the_exact_install_command(monkeypatch, capsys):
    monkeypatch.setattr("pasapas.tools.doctor.missing_system_packages", lambda: ["chromium"])
    assert main() == 1
    assert f"    {INSTALL_COMMAND}\n" in capsys.readouterr().err
