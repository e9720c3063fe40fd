from django.core.management.base import BaseCommand, CommandError

from sistercity.programs import synthetic


class Command(BaseCommand):
    help = (
        "Create synthetic partnerships (5 programmes × 10 activities × 3 indicators × 4 "
        "periods each, budgets, meetings) for scale tests and benchmarks. Idempotent: adds "
        "partnerships until N synthetic ones exist."
    )

    def add_arguments(self, parser):
        parser.add_argument("--partnerships", type=int, required=True)
        parser.add_argument("--seed", type=int, default=1)

    def handle(self, *args, partnerships, **options):
        if partnerships < 0 or partnerships > 100_000:
            raise CommandError("--partnerships must be between 0 and 100000.")
        added = synthetic.seed(
            partnerships,
            seed=options["seed"],
            progress=lambda n: self.stdout.write(f"  {n} partnerships"),
        )
        self.stdout.write(f"{added} synthetic partnership(s) added.")
