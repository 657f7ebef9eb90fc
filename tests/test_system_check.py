from pasapas.tools.doctor import INSTALL_COMMAND, main, missing_system_packages


def test_names_chromium_and_the_arabic_font_when_both_are_missing(tmp_path):
    assert missing_system_packages(tmp_path / "chromium", tmp_path / "fonts") == ["chromium", "fonts-noto-core"]


def test_finds_nothing_missing_when_both_are_there(tmp_path):
    (tmp_path / "chromium").touch()
    (tmp_path / "NotoSansArabic-Regular.ttf").touch()
    assert missing_system_packages(tmp_path / "chromium", tmp_path) == []


def test_prints_the_exact_install_command(monkeypatch, capsys):
    monkeypatch.setattr("pasapas.tools.doctor.missing_system_packages", lambda: ["chromium"])
    assert main() == 1
    assert f"    {INSTALL_COMMAND}\n" in capsys.readouterr().err
