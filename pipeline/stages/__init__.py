"""Pipeline stages, one a module. Stages talk to each other only through the Article object."""
