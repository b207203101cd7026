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

// Field names for the limit problems: the code is "too_long_"+field and
// the catalog words each (ui/i18n "err.too_long_<field>").
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

// CheckTitle refuses a title or name of more than MaxTitleChars
// characters: Problem "too_long_<field>" with the length in characters.
func CheckTitle(field, s string) error {
	if n := utf8.RuneCountInString(s); n > MaxTitleChars {
		return Errf("too_long_"+field, "%s is %d characters long; the limit is %d characters", field, n, MaxTitleChars)
	}
	return nil
}

// CheckText refuses a text field of more than MaxTextBytes: Problem
// "too_long_<field>" with the length in bytes.
func CheckText(field, s string) error {
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
