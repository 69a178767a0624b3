"""Stories: articles about the same event, across outlets and days.

Per article (in the workers): ``terms.story_terms``. Per corpus: ``corpus.update`` places new
articles, re-clustering only the stories they touch (``cluster.py``: complete-link over TF-IDF).
"""
