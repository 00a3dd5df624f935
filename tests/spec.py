"""The KPI ids of ../shared/spec/kpis.md: the ones the bundled library must cover and the only
ones the batteries score. One copy, for the tests and the scoring scripts alike."""

SPEC_KPIS = frozenset({
    "cp_plans", "cp_plans_started", "cp_plans_rate_per_10k", "children_in_care",
    "children_in_care_rate_per_10k", "children_in_need", "referrals", "rereferral_rate",
    "training_courses", "training_delegates", "training_places_offered", "training_utilisation",
    "conference_delegates", "budget_total", "budget_carry_forward", "budget_contributions",
    "agency_contribution", "expenditure_total", "plan_actions_total", "plan_actions_completed",
    "plan_actions_completed_pct"})
