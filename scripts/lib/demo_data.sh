# demo_data.sh: the demo's schools, staff records, duties and legacy account, created through
# xueji-ctl (scripts/ctl), and the identities a visitor can try with them.
# shellcheck shell=bash
# Sourced by scripts/demo after common.sh, with XUEJI_VAR_DIR pointing at the running stack.
# Entry point: load_demo_data. It is idempotent: on a database that already holds the demo data
# it changes nothing and prints the same identities.
#
# Every case the later flows need:
#   new teacher with duties in the active year  → 申請個人業務帳號, then log in to /home
#   teacher without duties in the active year   → may apply, login shows the no-duty sentence
#   teacher with a legacy account               → forced rename, password change, 2FA binding
#   teacher at two schools                      → one person, both schools on /home
#   foreign teachers (new and old 統一證號)      → the resident-number formats
#   the school's 學校權限AA and 人事               → after applying, the AA console on /admin

readonly kDemoPrimary=990001
readonly kDemoPrimaryName=學籍示範國民小學
readonly kDemoJunior=990002
readonly kDemoJuniorName=學籍示範國民中學
# The legacy account's password, as the old system left it: set two years ago, so expired.
readonly kDemoLegacyPassword=Legacy@2024pass

# One line per identity: ID|name|birth date|phone|school:duty,school:duty (active year)|note.
# Every ID number has a valid check digit. "prev:" duties belong to the previous school year.
demo_identities() {
  cat <<'EOF'
A223819475|陳怡君|1990-05-17|0912-345-678|990001:導師,990001:任課教師|新任教師，已有本學年度職務：可申請帳號後登入
F128095361|林志明|1978-11-02|02-2345-6789#201|prev:990001:任課教師|本學年度尚無職務：可申請帳號，登入後看到「尚未配置您的權限」
A164702835|王大同|1969-02-28|037-323456|990001:教務|已有舊系統帳號（帳號即身分證字號、密碼已過期、未綁定雙因子）
E229037159|張淑芬|1983-08-09|0987-654-321|990001:輔導,990002:學務|同時在兩所學校任職
A801654329|Maria Santos|1992-12-24||990002:任課教師|外籍教師（新式統一證號）
FC04258162|田中由紀|1987-04-03|07-2345678|990002:例外人員|外籍人士（舊式統一證號）
B120358465|周明華|1975-03-21|02-2765-4321|990001:學校權限AA,990001:人事|學校權限AA及人事：申請帳號登入後，在 /admin 管理本校教職員、職務及帳號
EOF
}

# The county-approved staffing of the demo schools (核定員額編制), for the AA console.
demo_posts() {
  cat <<'EOF'
990001 校長 1
990001 教務 1
990001 學務 1
990001 總務 1
990001 輔導 2
990001 人事 1
990001 學校權限AA 2
990002 校長 1
990002 教務 1
990002 學務 1
990002 學校權限AA 1
EOF
}

demo_ctl() {
  "$XUEJI_REPO/scripts/ctl" "$@"
}

# Runs xueji-ctl quietly; on failure shows what it said and fails.
demo_ctl_quiet() {
  local out
  if ! out=$(demo_ctl "$@" 2>&1); then
    warn "demo data: xueji-ctl $* failed:"
    printf '    %s\n' "$out" >&2
    return 1
  fi
}

demo_masked_id() {
  local id=$1
  echo "${id:0:3}****${id:7:3}"
}

# The school year of today in Taipei: 學年度 N runs from Aug 1 of 1911+N to Jul 31.
demo_current_school_year() {
  local year month
  read -r year month < <(TZ=Asia/Taipei date '+%Y %-m')
  if ((month >= 8)); then echo $((year - 1911)); else echo $((year - 1912)); fi
}

demo_school_exists() {
  demo_ctl school list | awk -F'\t' -v code="$1" '$1 == code { found = 1 } END { exit !found }'
}

# The staff list line of a person at a school (empty when not staff there).
demo_staff_line() {
  demo_ctl staff list --school "$1" | awk -F'\t' -v masked="$2" '$1 == masked'
}

demo_add_schools() {
  demo_school_exists "$kDemoPrimary" ||
    demo_ctl_quiet school add --code "$kDemoPrimary" --name "$kDemoPrimaryName" || return 1
  demo_school_exists "$kDemoJunior" ||
    demo_ctl_quiet school add --code "$kDemoJunior" --name "$kDemoJuniorName" || return 1
}

# Staff records at every school the person has a duty at (this year or the last), then duties.
demo_add_person() {
  local id=$1 name=$2 birth=$3 phone=$4 duties=$5 year=$6
  local masked entry school duty duty_year
  local -a entries=()
  local -a phone_option=() schools=()
  masked=$(demo_masked_id "$id")
  [[ -z $phone ]] || phone_option=(--phone "$phone")
  IFS=, read -r -a entries <<<"$duties"
  for entry in "${entries[@]}"; do
    school=${entry#prev:}
    school=${school%%:*}
    [[ " ${schools[*]} " == *" $school "* ]] || schools+=("$school")
  done
  for school in "${schools[@]}"; do
    [[ -n $(demo_staff_line "$school" "$masked") ]] && continue
    demo_ctl_quiet staff add --school "$school" --national-id "$id" --name "$name" \
      --birth-date "$birth" "${phone_option[@]}" || return 1
  done
  for entry in "${entries[@]}"; do
    duty_year=$year
    if [[ $entry == prev:* ]]; then
      duty_year=$((year - 1))
      entry=${entry#prev:}
    fi
    school=${entry%%:*}
    duty=${entry#*:}
    demo_ctl_quiet duty assign --school "$school" --national-id "$id" --duty "$duty" \
      --year "$duty_year" || return 1
  done
}

# The legacy account of 王大同: its name is his ID number, as many old accounts were. Needs
# `xueji-ctl account add-legacy` (the login work); without it the demo says so and goes on.
demo_add_legacy_account() {
  local id=A164702835
  demo_staff_line "$kDemoPrimary" "$(demo_masked_id "$id")" | grep -q '已有帳號' && return 0
  demo_ctl_quiet account add-legacy --national-id "$id" --account "$id" \
    --password "$kDemoLegacyPassword" --password-changed "$(date -d '2 years ago' +%F)" \
    --email wang.datong@example.org ||
    warn "demo data: the legacy account was not created (see above)"
}

demo_print_identities() {
  local year=$1 id name birth phone duties note
  echo "  demo identities (${year} 學年度; 身分證/統一證號, 出生日期, 姓名):"
  while IFS='|' read -r id name birth phone duties note; do
    printf '    %-10s  %s  %s — %s\n' "$id" "$birth" "$name" "$note"
  done < <(demo_identities)
  echo "    legacy account: A164702835 / $kDemoLegacyPassword (must be renamed, re-passworded, 2FA-bound)"
  echo "    schools: $kDemoPrimary $kDemoPrimaryName, $kDemoJunior $kDemoJuniorName"
}

load_demo_data() {
  local year id name birth phone duties note
  year=$(demo_current_school_year)
  demo_add_schools || return 1
  while IFS='|' read -r id name birth phone duties note; do
    demo_add_person "$id" "$name" "$birth" "$phone" "$duties" "$year" || return 1
  done < <(demo_identities)
  demo_add_legacy_account
  local school duty count
  while read -r school duty count; do
    demo_ctl_quiet posts set --school "$school" --duty "$duty" --count "$count" || return 1
  done < <(demo_posts)
  # Forward only: a database that already runs a later year keeps it (and says so).
  demo_ctl_quiet year activate "$year" || warn "demo data: school year $year not activated"
  say "demo data: schools $kDemoPrimary and $kDemoJunior with $(demo_identities | wc -l) staff" \
    "members; active school year $year"
}
