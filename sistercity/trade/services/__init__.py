"""Writes of the trade app, by sub-domain: ``enterprises`` (registry, photos), ``evidence``
(permits, products, recipes, lab reports, readiness), ``deals`` (buyers, inquiries, leads,
messages, orders). Each checks permission first, writes in one transaction with the actor
recorded, and refuses bad input with one translated message naming the field."""

from sistercity.trade.services._common import require_keeper, require_staff
from sistercity.trade.services.deals import (
    buyer_create,
    buyer_update,
    catalogue_contact,
    event_record,
    inquiry_create,
    lead_advance,
    lead_open,
    lead_set_event,
    message_send,
    order_record,
)
from sistercity.trade.services.enterprises import (
    enterprise_create,
    enterprise_photo_add,
    enterprise_problems,
    enterprise_publish,
    enterprise_update,
)
from sistercity.trade.services.evidence import (
    lab_report_add,
    permit_add,
    permit_verify,
    product_assess,
    product_create,
    product_photo_add,
    product_publish,
    product_set_ingredients,
    product_update,
)
from sistercity.trade.services.mentoring import mentoring_create, session_record, session_update

__all__ = [
    "catalogue_contact",
    "event_record",
    "mentoring_create",
    "session_record",
    "session_update",
    "buyer_update",
    "lead_set_event",
    "buyer_create",
    "inquiry_create",
    "lead_advance",
    "lead_open",
    "message_send",
    "order_record",
    "lab_report_add",
    "permit_add",
    "permit_verify",
    "product_assess",
    "product_create",
    "product_photo_add",
    "product_publish",
    "product_set_ingredients",
    "product_update",
    "enterprise_create",
    "enterprise_photo_add",
    "enterprise_problems",
    "enterprise_publish",
    "enterprise_update",
    "require_keeper",
    "require_staff",
]
