"""The investment app's Indonesian and Japanese texts (``texts.T``) and the script that writes
them into the catalogues ``makemessages`` makes:
``python -m sistercity.investment.catalogue.fill``."""
