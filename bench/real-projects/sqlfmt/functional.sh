#!/usr/bin/env bash
# sqlfmt: check, diff and format a small dbt project; jinja inside the SQL is formatted by black
# (a mypyc-compiled dependency), the cache goes under platformdirs' user cache.
source "$(dirname "$0")/../lib.sh"
setup "$@"
mkdir -p models/staging
printf "select a,b, {{ ref('orders') }} from {{ source('shop','raw') }} where x=1 and   y = 2\n" > models/staging/orders.sql
printf "{%%- set cols = ['a','b'] -%%}\nSELECT {{ cols|join(',') }} FROM t WHERE   id IN (1,2,3)\n" > models/cols.sql
printf "with recursive t as (select 1 as n union all select n+1 from t where n<5) select * from t\n" > models/cte.sql
run_expect_exit 1 "$BIN" --check models
expect_output '3 files failed formatting check'
run_expect_exit 1 "$BIN" --diff models/cols.sql
expect_output '\+\{%- set cols = \["a", "b"\] -%\}'
run "$BIN" models
expect_output '3 files formatted'
expect_file models/staging/orders.sql '\{\{ ref\("orders"\) \}\} from \{\{ source\("shop", "raw"\) \}\}'
expect_file models/cols.sql 'join\(","\)'
expect_file models/cte.sql '^with recursive'
run "$BIN" --check models
expect_output '3 files passed formatting check'
echo "SELECT   1 AS one" > stdin.sql
timeout 60 "$BIN" - < stdin.sql > formatted.sql 2>"$OUT" || fail "sqlfmt - (stdin)"
expect_file formatted.sql '^select 1 as one$'
run "$BIN" --version
expect_output 'version'
echo "functional: ok"
