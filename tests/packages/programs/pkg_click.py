import click


@click.group()
def cli():
    """A tool with subcommands."""


@cli.command()
@click.option("--name", default="world", help="Who to greet.")
@click.option("--count", type=int, default=1)
def hello(name, count):
    """Say hello."""
    for _ in range(count):
        click.echo("hello %s" % name)


@cli.command()
@click.argument("value", type=float)
def half(value):
    """Print half of VALUE."""
    click.echo(value / 2)


for args in (["hello", "--name", "you", "--count", "2"], ["half", "3"], ["--help"], ["hello", "--help"], ["half", "x"]):
    try:
        cli(args, prog_name="tool", standalone_mode=False)
    except click.ClickException as e:
        print("error:", e.format_message())
