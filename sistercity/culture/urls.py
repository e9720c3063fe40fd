from django.urls import path

from sistercity.culture.views import feeds, manage, places, public

app_name = "culture"

urlpatterns = [
    # Public pages and feeds.
    path("culture/", public.index, name="index"),
    path("culture/calendar.ics", feeds.all_events, name="all_ics"),
    path("culture/sitemap.xml", public.sitemap, name="sitemap"),
    path(
        "culture/registrations/<str:token>/",
        public.registration_cancel,
        name="registration_cancel",
    ),
    path("culture/<slug:slug>/events/", public.events, name="events"),
    path("culture/<slug:slug>/calendar.ics", feeds.partnership_events, name="partnership_ics"),
    path("culture/<slug:slug>/calendar/city/<slug:city>.ics", feeds.city_events, name="city_ics"),
    path(
        "culture/<slug:slug>/calendar/pillar/<slug:code>.ics",
        feeds.pillar_events,
        name="pillar_ics",
    ),
    path("culture/<slug:slug>/events/<slug:event>/", public.event_detail, name="event"),
    path("culture/<slug:slug>/events/<slug:event>.ics", feeds.event, name="event_ics"),
    path(
        "culture/<slug:slug>/events/<slug:event>/images/<int:pk>",
        public.event_image,
        name="event_image",
    ),
    path("culture/<slug:slug>/destinations/", public.destinations, name="destinations"),
    path("culture/<slug:slug>/visitors/", public.visitors, name="visitors"),
    path("culture/<slug:slug>/exchanges/", public.exchanges, name="exchanges"),
    path(
        "culture/<slug:slug>/destinations/<slug:destination>/",
        public.destination_detail,
        name="destination",
    ),
    path(
        "culture/<slug:slug>/destinations/<slug:destination>/photos/<int:pk>",
        public.destination_photo,
        name="destination_photo",
    ),
    # The organisers' pages.
    path("culture/<slug:slug>/manage/", manage.manage, name="manage"),
    path("culture/<slug:slug>/manage/new/", manage.event_new, name="event_new"),
    path(
        "culture/<slug:slug>/manage/visitors/",
        manage.visitor_figure_add,
        name="visitor_figure_add",
    ),
    path("culture/<slug:slug>/manage/events.<str:fmt>", manage.events_export, name="events_export"),
    path(
        "culture/<slug:slug>/manage/visitor-figures.<str:fmt>",
        manage.figures_export,
        name="figures_export",
    ),
    # Destinations and exchanges come before the events' ``manage/<event>/…`` addresses.
    path(
        "culture/<slug:slug>/manage/destinations/new/",
        places.destination_new,
        name="destination_new",
    ),
    path(
        "culture/<slug:slug>/manage/destinations/<slug:destination>/",
        places.destination_edit,
        name="destination_edit",
    ),
    path(
        "culture/<slug:slug>/manage/destinations/<slug:destination>/photos/",
        places.destination_photo_add,
        name="destination_photo_add",
    ),
    path("culture/<slug:slug>/manage/exchanges/new/", places.exchange_new, name="exchange_new"),
    path(
        "culture/<slug:slug>/manage/exchanges/<slug:exchange>/",
        places.exchange_edit,
        name="exchange_edit",
    ),
    path("culture/<slug:slug>/manage/<slug:event>/", manage.event_edit, name="event_edit"),
    path(
        "culture/<slug:slug>/manage/<slug:event>/status/",
        manage.event_status,
        name="event_status",
    ),
    path(
        "culture/<slug:slug>/manage/<slug:event>/attendance/",
        manage.event_attendance,
        name="event_attendance",
    ),
    path(
        "culture/<slug:slug>/manage/<slug:event>/images/",
        manage.event_image_add,
        name="event_image_add",
    ),
    path(
        "culture/<slug:slug>/manage/<slug:event>/registrations/",
        manage.registrations,
        name="registrations",
    ),
    path(
        "culture/<slug:slug>/manage/<slug:event>/registrations.<str:fmt>",
        manage.registrations_export,
        name="registrations_export",
    ),
]
