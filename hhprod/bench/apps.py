from django.apps import AppConfig


class BenchConfig(AppConfig):
    name = "hhprod.bench"
    verbose_name = "Benchmark"
