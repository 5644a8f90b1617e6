# Words used by every output. The glossary (locales/glossary.md) fixes each term.

verdict-pass = pass
verdict-fail = fail
verdict-unknown = unknown
verdict-na = not applicable
verdict-invalid = invalid data
target-met = met
target-not-met = not met
target-unknown = undecided
areas-count = { $count ->
    [one] { $count } area
   *[other] { $count } areas
}
verdict-unknown-possible = unknown: { $possible } possible
word-or = or
word-and = and
value-true = true
value-false = false
value-unknown = unknown
value-text = text
