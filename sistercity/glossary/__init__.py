"""The partnership's glossary: each concept's agreed Indonesian and Japanese terms, with their
sources, that the interface, the content and the translators are held to."""
