"""The rules of recording a call, as one pure function over plain data.

``decide`` answers what posting a call does: which task it closes, which
tasks it creates or withdraws, who it flags do-not-call, and, when the call
replaces an earlier version of itself, which of that version's effects are
undone. It reads nothing and writes nothing: the store (SQLite today, any
other engine later) reads the facts, calls ``decide`` and writes the result,
so the rules are written once and tested without a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .ids import call_task_id


@dataclass(frozen=True)
class Target:
    """A contact whose flag or task a call touches: a person, else a company."""

    company_id: str | None = None
    person_id: str | None = None

    @property
    def label(self) -> str:
        return f"person {self.person_id}" if self.person_id else f"company {self.company_id}"


@dataclass(frozen=True)
class NewTaskSpec:
    """A callback the call asks for (``newTasks[]``)."""

    campaign_id: str
    timestamp: str
    annotation: str | None = None


@dataclass(frozen=True)
class CallFacts:
    """The posted call, as far as the rules need it (contact ids as sent)."""

    id: str
    kind: str  # inbound, outbound, campaign
    source_id: str | None = None
    task_id: str | None = None
    company_id: str | None = None
    person_id: str | None = None
    do_not_call: bool = False
    new_tasks: tuple[NewTaskSpec, ...] = ()


@dataclass(frozen=True)
class KnownContact:
    """Which of the call's contact ids the CRM knows, and the known person's company."""

    company_id: str | None = None
    person_id: str | None = None
    person_company_id: str | None = None


@dataclass(frozen=True)
class TaskFacts:
    """The task a campaign call names in ``source.task``, as stored now."""

    id: str
    campaign_id: str
    company_id: str | None  # set for a company task
    person_id: str | None  # set for a person task
    closed: bool
    closed_by_call: str | None = None


@dataclass(frozen=True)
class DncSetByCall:
    """A do-not-call flag an earlier version of this call set and that is still set."""

    target: Target
    set_again_since: bool = False  # someone else set or asked for it after this call


@dataclass(frozen=True)
class PreviousEffects:
    """What the stored version of the call did and what of it still stands."""

    closed_task_ids: tuple[str, ...] = ()  # tasks it closed that are still closed by it
    open_created_task_ids: tuple[str, ...] = ()  # its new tasks that are still open
    dnc: DncSetByCall | None = None


@dataclass(frozen=True)
class TaskToCreate:
    """A new task the call makes (or, on a replay, updates in place: ids are stable)."""

    id: str
    campaign_id: str
    target: Target
    timestamp: str
    annotation: str | None


@dataclass
class Decision:
    """What recording the call must write, and what the message tells Apollo."""

    close_task: str | None = None
    reopen_tasks: list[str] = field(default_factory=list)
    create_tasks: list[TaskToCreate] = field(default_factory=list)
    withdraw_tasks: list[str] = field(default_factory=list)
    flag: Target | None = None
    unflag: Target | None = None
    tasks_skipped: int = 0
    notes: list[str] = field(default_factory=list)


def task_target(known: KnownContact) -> Target | None:
    """The contact a call's new tasks are for: the known person, else the known company."""
    if known.person_id:
        return Target(None, known.person_id)
    if known.company_id:
        return Target(known.company_id, None)
    return None


def dnc_target(call: CallFacts, known: KnownContact) -> Target | None:
    """The contact a call's ``doNotCall`` flags, or None.

    The person when the call names a known one; the company when the call names
    no person. A person the CRM does not know is never replaced by the company:
    that would silence the whole switchboard for one unknown caller.
    """
    if call.person_id is not None:
        return Target(None, known.person_id) if known.person_id else None
    if known.company_id:
        return Target(known.company_id, None)
    return None


def task_refusal(call: CallFacts, known: KnownContact, task: TaskFacts) -> str | None:
    """Why this call may not close this task, or None when it may.

    A task closes only for a campaign call of its own campaign and, when the
    call names a contact, for that person or company; a company task also
    closes for a call to one of its persons.
    """
    if call.kind != "campaign":
        return "only a campaign call closes a task"
    if task.campaign_id != call.source_id:
        return f"it belongs to campaign {task.campaign_id}, not {call.source_id}"
    if call.company_id is None and call.person_id is None:
        return None
    if task.person_id is not None:
        if task.person_id == call.person_id:
            return None
        return f"it is a task of person {task.person_id}, not of this call's contact"
    call_companies = {call.company_id, known.person_company_id} - {None}
    if task.company_id in call_companies:
        return None
    return f"it is a task of company {task.company_id}, not of this call's contact"


def decide(
    call: CallFacts,
    known: KnownContact,
    task: TaskFacts | None,
    previous: PreviousEffects | None,
    target_flagged: bool,
) -> Decision:
    """Decide every effect of recording ``call``.

    ``task`` is the stored task named by ``source.task`` (None when there is no
    such task or none is named); ``previous`` what the stored version of this
    call did (None for a new call); ``target_flagged`` whether the contact the
    call flags (``dnc_target``) is flagged do-not-call now (read only when the
    call asks for ``doNotCall``).
    """
    out = Decision()
    previous = previous or PreviousEffects()

    # -- the task named in source.task
    keeps_closed: str | None = None
    if call.task_id is not None:
        if task is None:
            out.notes.append(f"unknown task {call.task_id} (nothing closed)")
        elif (why := task_refusal(call, known, task)) is not None:
            out.notes.append(f"task {task.id} not closed: {why}")
        elif not task.closed:
            out.close_task = task.id
            out.notes.append(f"closed task {task.id}")
        elif task.closed_by_call == call.id:
            # A replay of the call that closed it: the same effect, the same words.
            keeps_closed = task.id
            out.notes.append(f"closed task {task.id}")
        else:
            out.notes.append(f"task {task.id} was already closed")
    for task_id in previous.closed_task_ids:
        if task_id != keeps_closed:
            out.reopen_tasks.append(task_id)
            out.notes.append(f"reopened task {task_id}, which the earlier version closed")

    # -- new tasks, ids stable per position so a replay never duplicates one
    target = task_target(known)
    for i, spec in enumerate(call.new_tasks):
        if target is None:
            out.tasks_skipped += 1
            continue
        out.create_tasks.append(TaskToCreate(call_task_id(call.id, i), spec.campaign_id,
                                             target, spec.timestamp, spec.annotation))
    keep = {t.id for t in out.create_tasks}
    out.withdraw_tasks = [t for t in previous.open_created_task_ids if t not in keep]
    if out.create_tasks:
        out.notes.append(f"{len(out.create_tasks)} new task(s)")
    if out.tasks_skipped:
        out.notes.append(
            f"{out.tasks_skipped} new task(s) not created: the call has no known contact")

    # -- do-not-call
    still_set_by_call = False
    target = dnc_target(call, known)
    if call.do_not_call:
        if target is None:
            who = (f"unknown person {call.person_id}" if call.person_id is not None
                   else "no known contact")
            out.notes.append(f"doNotCall: nothing was flagged ({who})")
        elif previous.dnc is not None and previous.dnc.target == target:
            still_set_by_call = True
            out.notes.append(f"flagged {target.label} do-not-call")
        elif target_flagged:
            out.notes.append(f"{target.label} was already do-not-call")
        else:
            out.flag = target
            out.notes.append(f"flagged {target.label} do-not-call")
    if previous.dnc is not None and not still_set_by_call:
        gone = previous.dnc.target
        if previous.dnc.set_again_since:
            out.notes.append(f"{gone.label} stays do-not-call: it was set again since")
        else:
            out.unflag = gone
            out.notes.append(f"lifted do-not-call of {gone.label}, which the earlier version set")
    return out
