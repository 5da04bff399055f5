"""Built-in layouts (TOML files), shipped inside the package as reports.layouts."""
