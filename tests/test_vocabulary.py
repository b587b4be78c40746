import pytest

from sto.content.vocabulary import load_vocabularies


def write(tmp_path, **files):
    data = tmp_path / "content" / "data"
    data.mkdir(parents=True)
    defaults = {"categorieen.yml": "a: A\n", "onderwerpen.yml": "b: B\n", "regios.yml": "c: C\n"}
    for name, text in {**defaults, **files}.items():
        (data / name).write_text(text, encoding="utf-8")
    return data


def test_vocabularies_map_slug_to_name(tmp_path):
    vocab, problems = load_vocabularies(write(tmp_path, **{"regios.yml": "# regio's\ncaribisch-nederland: Caribisch Nederland\n"}), tmp_path)
    assert problems == []
    assert vocab.regions == {"caribisch-nederland": "Caribisch Nederland"}
    assert vocab.categories == {"a": "A"} and vocab.topics == {"b": "B"}


def test_vocabulary_problems_name_file_and_line(tmp_path):
    data = write(tmp_path, **{"categorieen.yml": "goed: Goed\nMet Hoofdletter: X\nleeg:\ngoed: Nog eens\n"})
    (data / "regios.yml").unlink()
    _, problems = load_vocabularies(data, tmp_path)
    assert [str(p) for p in problems] == [
        "content/data/categorieen.yml:2: een slug bestaat uit kleine letters, cijfers en streepjes",
        "content/data/categorieen.yml:3: leeg: geef een naam na de dubbele punt",
        "content/data/categorieen.yml:4: goed: deze slug staat twee keer in het bestand",
        "content/data/regios.yml:1: dit bestand ontbreekt",
    ]


@pytest.mark.content
def test_the_real_vocabularies_are_valid():
    from tests.conftest import ROOT

    vocab, problems = load_vocabularies(ROOT / "content" / "data", ROOT)
    assert problems == []
    assert "caribisch-nederland" in vocab.regions
