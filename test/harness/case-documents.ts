/** The reference front end's case documents (../shared/contract/cases.graphql), shared by the tests and the benchmarks. */
export const CASE_CORE = `fragment CaseCore on Case {
  id serialNo queryCode status channel caseType category summary receivedAt personCount
  isKey isDifficult isTypical
  referredFrom { id name }
  matter { id title }
  petitioners { name idNumberMasked idNumber phone }
  responsible { id displayName }
}`;

export const REGISTER_CASE = `mutation RegisterCase($input: RegisterCaseInput!) {
  registerCase(input: $input) { ...CaseCore repeatCandidates { id serialNo status } }
}
${CASE_CORE}`;
