"""Energy-route claims: sourced Caspian / Central Asian export routes, claims and scenarios.

Data flows one way through the modules of this package::

    files -> load (validated tables) -> network / scenario / claims -> mapview / panels / brief

Only :mod:`geo.data.load` and :mod:`geo.data.corpus` read or write files; only the presentation
modules know folium or Streamlit.
"""

__version__ = "0.1.0"
