package model

import "unicode/utf8"

// Text limits (DESIGN.md §2 "Ranges and limits"), the same for the planner,
// the command line and import: a longer value is refused with the limit
// named, never cut. Each kind of record has a CheckLimits that its
// validation calls.
const (
	// MaxTitleChars bounds a task's title and a client's or project's
	// name, in characters (runes): a line that fits a list row.
	MaxTitleChars = 500
	// MaxTextBytes bounds every other text field, in bytes of UTF-8: a long
	// note is welcome, a megabyte is a mistake (a paste of the wrong thing).
	MaxTextBytes = 64 << 10
)

// Field names for the limit problems: the code is "too_long_"+field (or
// "not_utf8_"+field) and the catalog words each (ui/i18n
// "err.too_long_<field>", "err.not_utf8_<field>").
const (
	FieldTitle         = "title"
	FieldName          = "name"
	FieldCompany       = "company"
	FieldArea          = "area"
	FieldPhone         = "phone"
	FieldBusiness      = "business"
	FieldNeeds         = "needs"
	FieldDecisionMaker = "decision_maker"
	FieldInterests     = "interests"
	FieldReferredBy    = "referred_by"
	FieldText          = "text"
	FieldOwner         = "owner"
	FieldReason        = "reason"
	FieldCurrency      = "currency"
	FieldLanguage      = "language"
)

// CheckUTF8 refuses text that is not valid UTF-8 (bytes from a file in
// another encoding, or typed as $'\xff'): Problem "not_utf8_<field>".
// Stored, such bytes would read back as U+FFFD in the record while an index
// kept the raw bytes; refused, nothing is guessed. CheckTitle and CheckText
// call it first, so every text field of every kind is checked.
func CheckUTF8(field, s string) error {
	if !utf8.ValidString(s) {
		return Errf("not_utf8_"+field, field+" is not valid UTF-8 text")
	}
	return nil
}

// CheckTitle refuses a title or name that is not valid UTF-8 or has more
// than MaxTitleChars characters: Problem "too_long_<field>" with the
// length in characters.
func CheckTitle(field, s string) error {
	if err := CheckUTF8(field, s); err != nil {
		return err
	}
	if n := utf8.RuneCountInString(s); n > MaxTitleChars {
		return Errf("too_long_"+field, "%s is %d characters long; the limit is %d characters", field, n, MaxTitleChars)
	}
	return nil
}

// CheckText refuses a text field that is not valid UTF-8 or has more than
// MaxTextBytes: Problem "too_long_<field>" with the length in bytes.
func CheckText(field, s string) error {
	if err := CheckUTF8(field, s); err != nil {
		return err
	}
	if n := len(s); n > MaxTextBytes {
		return Errf("too_long_"+field, "%s is %d bytes long; the limit is 64 KiB (%d bytes)", field, n, MaxTextBytes)
	}
	return nil
}

// checkAll returns the first problem of a list of checks.
func checkAll(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// CheckLimits checks a client's name and text fields against the limits.
func (c Client) CheckLimits() error {
	return checkAll(
		CheckTitle(FieldName, c.Name),
		CheckText(FieldCompany, c.Company),
		CheckText(FieldArea, c.Area),
		CheckText(FieldPhone, c.Phone),
		CheckText(FieldBusiness, c.Business),
		CheckText(FieldNeeds, c.Needs),
		CheckText(FieldDecisionMaker, c.DecisionMaker),
		CheckText(FieldInterests, c.Interests),
		CheckText(FieldReferredBy, c.ReferredBy),
	)
}

// CheckLimits checks a task's title against the limit.
func (t Task) CheckLimits() error { return CheckTitle(FieldTitle, t.Title) }

// CheckLimits checks a journal entry's text against the limit.
func (e JournalEntry) CheckLimits() error { return CheckText(FieldText, e.Text) }

// CheckLimits checks a promise's text against the limit.
func (p Promise) CheckLimits() error { return CheckText(FieldText, p.Text) }

// CheckLimits checks a project's name and owner against the limits.
func (p Project) CheckLimits() error {
	return checkAll(CheckTitle(FieldName, p.Name), CheckText(FieldOwner, p.Owner))
}

// CheckLimits checks the settings' text fields against the limit.
func (s Settings) CheckLimits() error {
	return checkAll(CheckText(FieldLanguage, s.Language), CheckText(FieldCurrency, s.Currency))
}

// CheckUTF8Fields is CheckUTF8 on every text field of a record (a Client,
// Task, JournalEntry, Promise, Project or Settings; anything else is
// nil), the problem naming the field as the exchange format does. An edit
// calls it before it merges records as JSON, which would turn invalid bytes
// into U+FFFD before Validate could see them.
func CheckUTF8Fields(v any) error {
	type f struct{ field, json, s string }
	var fs []f
	switch r := v.(type) {
	case Client:
		fs = []f{{FieldName, "name", r.Name}, {FieldCompany, "company", r.Company}, {FieldArea, "area", r.Area},
			{FieldPhone, "phone", r.Phone}, {FieldBusiness, "business", r.Business}, {FieldNeeds, "needs", r.Needs},
			{FieldDecisionMaker, "decision_maker", r.DecisionMaker}, {FieldInterests, "interests", r.Interests},
			{FieldReferredBy, "referred_by", r.ReferredBy}}
	case Task:
		fs = []f{{FieldTitle, "title", r.Title}}
	case JournalEntry:
		fs = []f{{FieldText, "text", r.Text}}
	case Promise:
		fs = []f{{FieldText, "text", r.Text}, {FieldReason, "cancel_reason", r.CancelReason}}
	case Project:
		fs = []f{{FieldName, "name", r.Name}, {FieldOwner, "owner", r.Owner}}
	case Settings:
		fs = []f{{FieldLanguage, "language", r.Language}, {FieldCurrency, "currency", r.Currency}}
	}
	for _, x := range fs {
		if err := CheckUTF8(x.field, x.s); err != nil {
			return limit(x.json, err)
		}
	}
	return nil
}
