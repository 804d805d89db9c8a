"""The domain: content, session, letter, summary, deadlines. Never imports Textual."""
