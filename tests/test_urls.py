import pytest

from sto.site import urls


@pytest.mark.parametrize("url", ["", "nieuws/", "agenda/volgen/", "nieuws/categorie/subsidie/pagina/2/"])
def test_src_uri_and_url_of_are_inverse(url):
    assert urls.url_of(urls.src_uri(url)) == url


@pytest.mark.parametrize(("src_uri", "url"), [("privacy.md", "privacy/"), ("nieuws/x.md", "nieuws/x/"),
                                              ("index.md", ""), ("regio/index.md", "regio/")])
def test_url_of_follows_mkdocs_directory_urls(src_uri, url):
    assert urls.url_of(src_uri) == url


def test_paged_keeps_page_one_at_the_listing_address():
    assert urls.paged("nieuws/", 1) == "nieuws/"
    assert urls.paged("nieuws/", 3) == "nieuws/pagina/3/"
