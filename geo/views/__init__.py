"""Stage 3: presentation -- the folium map, tables, briefings, URL view state, Streamlit glue."""
