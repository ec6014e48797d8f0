"""插入述职框架: puts a 述职/总结 scaffold into the document at the view cursor.

``vnd.gongwen:InsertScaffold?type=KEY[&year=2025&org=…&name=…]`` inserts at once;
without ``type`` the chooser dialog (:mod:`gongwen.writer.scaffold_dialog`) asks.

The scaffold arrives as its own paragraphs, each with the named 公文 paragraph style
of its role (the styles 一键公文格式 uses, created by ``ensure_paragraph_styles``),
in one undo step. The user's text is never touched: a paragraph the cursor splits
keeps its text before the cursor above the scaffold and the rest below it.
"""

from __future__ import annotations

from typing import List, Sequence

from gongwen import messages, spec, wholedoc
from gongwen.placeholders import count_placeholders
from gongwen.scaffolds import (
    InvalidValue,
    Scaffold,
    ScaffoldParagraph,
    UnknownScaffold,
    load_scaffold,
    render,
)
from gongwen.scaffolds.choice import Choice, choice_from_args, choice_problem, unknown_type_message
from gongwen.writer import page, undo, undoable
from gongwen.writer.commands import Invocation, Outcome
from gongwen.writer.format import BodyParagraph, format_document, place_signature_and_date
from gongwen.writer.styles import ensure_paragraph_styles


def insert_scaffold(invocation: Invocation) -> Outcome:
    locale = invocation.locale
    if "type" not in invocation.args:
        return _insert_chosen_in_dialog(invocation)
    choice = choice_from_args(invocation.args)
    problem = choice_problem(choice, locale)
    if problem:
        return Outcome(False, problem)
    return insert_choice(invocation, choice)


def insert_choice(invocation: Invocation, choice: Choice) -> Outcome:
    """Renders and inserts ``choice`` (already checked) in one undo step."""
    locale = invocation.locale
    try:
        scaffold = load_scaffold(choice.key)
        paragraphs = render(scaffold, year=choice.year, org=choice.org, name=choice.name)
    except UnknownScaffold:
        return Outcome(False, unknown_type_message(choice.key, locale))
    except InvalidValue as error:
        return Outcome(False, messages.text("scaffold_bad_value", locale, error=error.text(locale)))
    document = invocation.document
    title = messages.text("scaffold_undo_title", locale, name=scaffold.name)
    page_too = is_empty(document)
    with undo.undo_step(document, title, lock_view=True) as manager:
        ensure_paragraph_styles(document)
        if page_too:
            drop_blank_paragraphs(document)
            set_up_page(document, manager, title)
        insert_paragraphs(document, paragraphs)
        if page_too and wholedoc.has_parts([p.role for p in paragraphs]):
            # The 版头's place, its rules, the 版记's page: what Format would do to it, so
            # that Format leaves the new document as it is.
            format_document(invocation._replace(args={}))
    return Outcome(True, _inserted_message(document, scaffold, paragraphs, locale))


def placeholder_count(paragraphs: Sequence[ScaffoldParagraph]) -> int:
    """Placeholders in the rendered scaffold, counted as the checker will count them."""
    return count_placeholders("\n".join(paragraph.text for paragraph in paragraphs))


def _inserted_message(document, scaffold: Scaffold, paragraphs: Sequence[ScaffoldParagraph],
                      locale: str) -> str:
    message = messages.text("scaffold_inserted", locale, name=scaffold.name,
                            count=placeholder_count(paragraphs))
    if not has_gongwen_page(document):
        message += messages.text("scaffold_page_hint", locale)
    return message


# --- the text --------------------------------------------------------------------------


def insert_paragraphs(document, paragraphs: Sequence[ScaffoldParagraph]) -> None:
    """Inserts ``paragraphs`` at the view cursor as paragraphs of their own, styled by role.

    An empty paragraph at the cursor is filled; text before the cursor stays above the
    scaffold, text after it below, each in its own paragraph. A selection is kept (the
    scaffold goes in front of it), never replaced. The view cursor ends on the title.
    """
    view_cursor = document.getCurrentController().getViewCursor()
    text = view_cursor.getText()
    cursor = text.createTextCursorByRange(view_cursor.getStart())
    _stand_in_own_paragraph(text, cursor)
    # "\r" is a paragraph break for insertString ("\n" would be a line break); with
    # absorb the cursor then spans exactly the inserted paragraphs.
    text.insertString(cursor, "\r".join(p.text for p in paragraphs), True)
    roles = [p.role for p in paragraphs]
    elements = _apply_styles(cursor, roles)
    _leave_lists(cursor)
    # 署名 and 成文日期 indented against each other exactly as 一键公文格式 does it.
    place_signature_and_date([BodyParagraph(element, p.text)
                              for element, p in zip(elements, paragraphs)], roles)
    view_cursor.gotoRange(cursor.getStart(), False)


def _stand_in_own_paragraph(text, cursor) -> None:
    """Splits the cursor's paragraph so that the cursor stands in an empty one."""
    from com.sun.star.text.ControlCharacter import PARAGRAPH_BREAK

    if _paragraph_rest(text, cursor, forward=True):
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)
        cursor.goLeft(1, False)  # back to the end of the part before the cursor
    if _paragraph_rest(text, cursor, forward=False):
        text.insertControlCharacter(cursor, PARAGRAPH_BREAK, False)


def _paragraph_rest(text, cursor, forward: bool) -> str:
    """The cursor's paragraph after (``forward``) or before the cursor."""
    probe = text.createTextCursorByRange(cursor)
    if forward:
        probe.gotoEndOfParagraph(True)
    else:
        probe.gotoStartOfParagraph(True)
    return probe.getString()


def _leave_lists(cursor) -> None:
    """A paragraph split off a list item is a list item too; the scaffold must not be.

    (Other direct formatting where the user was typing, a centred line or bold, needs no
    reset: applying a paragraph style through the API clears it, but keeps list
    membership, and setPropertyToDefault does not clear that either; "" does.)
    """
    if cursor.getPropertyValue("NumberingStyleName"):
        cursor.setPropertyValue("NumberingStyleName", "")


def _apply_styles(cursor, roles: List[str]) -> List[object]:
    """Gives each paragraph in ``cursor`` its role's style; returns the paragraphs."""
    elements = []
    paragraphs = cursor.createEnumeration()
    for role in roles:
        if not paragraphs.hasMoreElements():
            break
        element = paragraphs.nextElement()
        element.setPropertyValue("ParaStyleName", spec.style_name(role))
        elements.append(element)
    return elements


# --- the page --------------------------------------------------------------------------


def is_empty(document) -> bool:
    """Nothing in the body yet (no text, no table; blank paragraphs are nothing) and the
    cursor in the body: the scaffold will be the whole document, so it gets the 公文 page
    as well."""
    view_cursor = document.getCurrentController().getViewCursor()
    body = document.getText()
    return (body.getString().strip("\r\n") == "" and document.getTextTables().getCount() == 0
            and view_cursor.getText() == body)


def drop_blank_paragraphs(document) -> None:
    """Makes an empty document of several blank paragraphs (a user pressed Enter) one
    paragraph, so that the scaffold becomes the whole document, with no blank lines left
    around it. The first paragraph stays (where the page style is named). Not when
    something is anchored there (a frame, an image, a shape, a note, a section): deleting
    the paragraphs would move or delete it.
    """
    body = document.getText()
    if body.getString() == "" or _has_anchored_content(document):
        return
    first = body.createTextCursor()
    first.gotoStart(False)
    first.gotoEndOfParagraph(False)
    first.gotoEnd(True)  # from the end of the first paragraph: its attributes stay
    first.setString("")
    document.getCurrentController().getViewCursor().gotoStart(False)


def _has_anchored_content(document) -> bool:
    counts = (document.getDrawPage().getCount(), document.getTextSections().getCount(),
              document.getFootnotes().getCount(), document.getEndnotes().getCount())
    return any(counts)


def set_up_page(document, manager, title: str) -> None:
    """The 公文 page (margins, 22-line grid, ``— N —`` footers) the way 一键公文格式 sets
    it, kept within the open undo step (page styles would otherwise empty the stack)."""
    names = page.used_page_styles(document, [])
    old = page.read_state(document, names)
    undoable.apply_undoably(manager, title, lambda state: page.write_state(document, state),
                            old, page.target_state(old))


def has_gongwen_page(document) -> bool:
    """True when the page style at the view cursor already has the 公文 margins."""
    try:
        view_cursor = document.getCurrentController().getViewCursor()
        page_styles = document.getStyleFamilies().getByName(page.PAGE_FAMILY)
        style = page_styles.getByName(view_cursor.getPropertyValue("PageStyleName"))
        # Not the bottom margin: the formatter keeps part of it as footer space.
        margins = (style.TopMargin, style.LeftMargin, style.RightMargin)
    except Exception:  # no page style to read (a frame, a header): say nothing about it
        return True
    wanted = (spec.PAGE.top, spec.PAGE.left, spec.PAGE.right)
    # Margins are 1/100 mm; GB/T 9704 allows ±1 mm, a rounding step is enough here.
    return all(abs(have - mm * 100) <= 10 for have, mm in zip(margins, wanted))


# --- the dialog ------------------------------------------------------------------------


def _insert_chosen_in_dialog(invocation: Invocation) -> Outcome:
    from gongwen.writer import scaffold_dialog

    choice = scaffold_dialog.choose(invocation)
    if choice is None:  # cancelled, or no dialog can be shown here
        return scaffold_dialog.not_chosen_outcome(invocation)
    return insert_choice(invocation, choice)
