"""Where a deck's article may be: a regular text file inside the articles folder (seeds/), nowhere else.

A bank file names its article (`deck.source.path`) and the checks compare source sentences with it, so
whatever file that path reaches can be probed sentence by sentence. Confining it to seeds/ keeps the
instance folder (secret key, database), the code and everything else out of reach.
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath, PureWindowsPath

from quizapp.bank.limits import ARTICLE_MAX_BYTES
from quizapp.bank.reading import FileTooLarge, NotRegularFile, read_regular_file

ARTICLES_DIR = "seeds"  # relative to the project root; decks name their article as "seeds/<file>"


class ArticleRefused(Exception):
    """The path is not an article the app may read, or the article cannot be read; str() says why.

    Messages name only the path the bank gave, never anything read from the file.
    """


def article_file(root: str | Path, source_path: str) -> Path:
    """The article's real path under root/seeds/; ArticleRefused for any path that could lead elsewhere.

    >>> article_file("/srv/quiz", "seeds/fluss.txt").as_posix()
    '/srv/quiz/seeds/fluss.txt'
    >>> article_file("/srv/quiz", "../x")
    Traceback (most recent call last):
    ...
    quizapp.bank.articles.ArticleRefused: path '../x' must name an article in seeds/, like seeds/article.txt
    """
    refused = ArticleRefused(f"path '{source_path}' must name an article in {ARTICLES_DIR}/, "
                             f"like {ARTICLES_DIR}/article.txt")
    parts = PurePosixPath(source_path).parts
    if ("\\" in source_path or "\x00" in source_path or PureWindowsPath(source_path).anchor
            or len(parts) < 2 or parts[0] != ARTICLES_DIR or any(p in ("..", ".") for p in parts)):
        raise refused
    folder = (Path(root) / ARTICLES_DIR).resolve()
    real = (Path(root) / source_path).resolve()  # follows symlinks: one leading out of seeds/ is refused
    if not real.is_relative_to(folder) or real == folder:
        raise refused
    return real


def read_article_text(root: str | Path, source_path: str) -> str:
    """The text of a deck's article (confined as article_file says), at most ARTICLE_MAX_BYTES of UTF-8."""
    real = article_file(root, source_path)
    try:
        data = read_regular_file(real, ARTICLE_MAX_BYTES)
    except FileNotFoundError:
        raise ArticleRefused(f"the article '{source_path}' does not exist") from None
    except FileTooLarge:
        raise ArticleRefused(f"the article '{source_path}' is larger than {ARTICLE_MAX_BYTES:,} bytes") from None
    except (NotRegularFile, IsADirectoryError):
        raise ArticleRefused(f"the article '{source_path}' is not a regular file") from None
    except OSError as exc:
        raise ArticleRefused(f"cannot read the article '{source_path}': {exc.strerror}") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ArticleRefused(f"the article '{source_path}' is not UTF-8 text") from None
