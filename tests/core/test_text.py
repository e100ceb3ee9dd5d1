"""Translatable messages from Qt-free code: English for the CLI/JSON, the template for views."""

from __future__ import annotations

from losslab.core.text import Message, english, message


def test_english_fills_the_template_and_nested_messages() -> None:
    inner = message("neuron", "Quadratic")
    outer = message("neuron", "{cost} run stopped at epoch {epoch}: η = {eta:g}",
                    cost=inner, epoch=3, eta=1e6)
    assert outer.english() == "Quadratic run stopped at epoch 3: η = 1e+06"
    assert str(outer) == outer.english()
    assert isinstance(outer.args["cost"], Message)


def test_render_translates_every_template_in_its_own_context() -> None:
    seen: list[tuple[str, str]] = []

    def translate(context: str, template: str) -> str:
        seen.append((context, template))
        return {"Quadratic": "二次", "{cost} stopped": "{cost} 停止"}.get(template, template)

    msg = message("outer", "{cost} stopped", cost=message("inner", "Quadratic"))
    assert msg.render(translate) == "二次 停止"
    assert sorted(seen) == [("inner", "Quadratic"), ("outer", "{cost} stopped")]


def test_english_joins_several_messages() -> None:
    assert english([]) == ""
    assert english([message("c", "a"), message("c", "b {n}", n=2)]) == "a  b 2"
    assert english([message("c", "a"), message("c", "b")], sep="\n") == "a\nb"
