// Which column holds what (plan_csv.h guess_columns, mapping_to_remember): the headers of
// Chinese ERP reports (用友 / 金蝶 style) and English ones, the mapping the learner confirmed
// before, and tables without a header.
#include <catch2/catch.hpp>

#include "core/plan_csv.h"

using namespace coach;
using F = Field;
using Fields = std::vector<Field>;

TEST_CASE("a 用友-style receivables report: title lines, then the header", "[plan_csv][mapping]") {
    const Table t = read_table(
        "应收账款明细表,,,,,,,,\r\n"
        "期间：2026年1月—2026年12月,,,,,,,,\r\n"
        "单据日期,单据编号,客户名称,摘要,币种,本期应收,本期收回,余额,到期日\r\n"
        "2026-01-05,XS0001,上海宏达机械有限公司,销售发票,人民币,\"12,000.00\",\"2,000.00\",\"10,000.00\",2026-02-04\r\n");
    const ColumnMapping m = guess_columns(t, {});
    CHECK(m.header_row);
    CHECK(m.title_rows == 2);
    // The balance is left out: the amount and the paid amount are both there.
    CHECK(m.columns == Fields{F::issued, F::invoice, F::account, F::notes, F::currency, F::amount, F::paid, F::none, F::due});
}

TEST_CASE("a 金蝶-style invoice list", "[plan_csv][mapping]") {
    const Table t = read_table("往来单位,发票号码,开票日期,价税合计,已收款金额,收款到期日,业务员\n"
                               "杭州新材料股份有限公司,04418823,2026/3/1,58000,0,2026/4/30,张三\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::account, F::invoice, F::issued, F::amount, F::paid, F::due, F::none});
}

TEST_CASE("an ageing report with balances only: the balance is the amount", "[plan_csv][mapping]") {
    const Table t = read_table("客户全称,应收余额,账期（天）,信用额度,客户分类,占有率\nA,100,30,5000,制造业,35%\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::account, F::amount, F::terms_days, F::credit_limit, F::segment, F::share_percent});
}

TEST_CASE("headers with units, brackets, marks and full-width forms", "[plan_csv][mapping]") {
    const Table t = read_table("*客户名称（全称）,金额(元),含税金额【本币】,年采购潜力（元）,份额(%),Ｄｕｅ　Ｄａｔｅ, 备注 \n");
    // 含税金额 is an amount too, but the first amount column keeps it.
    CHECK(guess_columns(t, {}).columns == Fields{F::account, F::amount, F::none, F::potential, F::share_percent, F::due, F::notes});
}

TEST_CASE("a column in ten thousands is left for the learner to map", "[plan_csv][mapping]") {
    // 12.5 in a 万元 column is 125,000 yuan: read as yuan it would be wrong by four digits.
    const Table t = read_table("客户名称,金额（万元）,年采购潜力(万),Potential (k),Amount (CNY)\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::account, F::none, F::none, F::none, F::amount});
}

TEST_CASE("English headers in any case and punctuation", "[plan_csv][mapping]") {
    const Table t = read_table(
        "Customer Name,INVOICE_NO,Invoice Date,Due date,Amount,Amount Paid,Currency,Payment Terms,Credit limit,Industry,Share,Potential,"
        "Remarks,Sales rep\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::account, F::invoice, F::issued, F::due, F::amount, F::paid, F::currency, F::terms_days,
                                                 F::credit_limit, F::segment, F::share_percent, F::potential, F::notes, F::none});
    CHECK(guess_columns(read_table("Client,Invoice #,Date,Total,Received,Due\n"), {}).columns ==
          Fields{F::account, F::invoice, F::issued, F::amount, F::paid, F::due});
}

TEST_CASE("a customer code is not a customer name", "[plan_csv][mapping]") {
    // Headers match whole, never by a part: 客户编码 holds codes, 客户名称 the name.
    const Table t = read_table("客户编码,客户名称,金额\nC001,A公司,100\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::none, F::account, F::amount});
}

TEST_CASE("the remembered mapping wins, ignored columns too", "[plan_csv][mapping]") {
    const Table t = read_table("往来户,金额,含税金额,单号\nA,1,2,X\n");
    CHECK(guess_columns(t, {}).columns == Fields{F::none, F::amount, F::none, F::invoice});
    const std::vector<ColumnChoice> remembered{{"往来户", F::account}, {"金额", F::none}, {"含税金额", F::amount}, {"Other ERP", F::paid}};
    const ColumnMapping m = guess_columns(t, remembered);
    CHECK(m.header_row);
    CHECK(m.columns == Fields{F::account, F::none, F::amount, F::invoice});
    // Matched as headers are compared: case, spaces and full width do not matter.
    CHECK(guess_columns(read_table("invoice no.,ＸＹＺ\n"), {{"INVOICE_NO", F::notes}, {"xyz", F::account}}).columns ==
          Fields{F::notes, F::account});
}

TEST_CASE("no header: the columns are guessed from what they hold", "[plan_csv][mapping]") {
    SECTION("a pasted block of data") {
        const Table t = read_table("上海宏达\tXS-001\t2026-01-05\t2026-02-04\t12,000.00\t2,000.00\n"
                                   "杭州新材\tXS-002\t2026-01-09\t2026-03-10\t5,800.50\t0\n");
        const ColumnMapping m = guess_columns(t, {});
        CHECK_FALSE(m.header_row);
        CHECK(m.title_rows == 0);
        CHECK(m.columns == Fields{F::account, F::invoice, F::issued, F::due, F::amount, F::paid});
    }
    SECTION("whole-number amounts beside codes with leading zeros") {
        const Table t = read_table("A公司,00012,2026/3/1,5000\nB公司,00013,2026/3/2,1200\n");
        const ColumnMapping m = guess_columns(t, {});
        CHECK_FALSE(m.header_row);
        CHECK(m.columns == Fields{F::account, F::invoice, F::issued, F::amount});
    }
    SECTION("a header nobody knows: kept as a header, the data decides") {
        const Table t = read_table("名称,号,日,数\nA公司,INV1,2026-01-05,100.50\n");
        const ColumnMapping m = guess_columns(t, {});
        CHECK(m.header_row);
        CHECK(m.columns == Fields{F::account, F::invoice, F::issued, F::amount});
    }
}

TEST_CASE("the mapping has one entry per column of the widest row", "[plan_csv][mapping]") {
    const ColumnMapping m = guess_columns(read_table("客户,金额\nA,1,extra,more\n"), {});
    CHECK(m.columns == Fields{F::account, F::amount, F::none, F::none});
    CHECK(guess_columns(read_table(""), {}).columns.empty());
}

TEST_CASE("every field's own name reads back as that field, in both languages", "[plan_csv][mapping]") {
    // The ledger's header is made of these names, and must import again.
    for (const Lang lang : {Lang::zh, Lang::en}) {
        std::string header;
        Fields fields;
        for (int f = static_cast<int>(F::account); f <= static_cast<int>(F::notes); ++f) {
            header += std::string(header.empty() ? "" : ",") + "\"" + std::string(field_name(static_cast<F>(f), lang)) + "\"";
            fields.push_back(static_cast<F>(f));
        }
        CAPTURE(header);
        CHECK(guess_columns(read_table(header + "\n"), {}).columns == fields);
    }
}

TEST_CASE("the mapping to remember: this table's headers, then the earlier ones", "[plan_csv][mapping]") {
    const Table t = read_table("报表,,\n客户名称 ,自定义列,金额\nA,x,1\n");
    ColumnMapping m = guess_columns(t, {});
    REQUIRE(m.title_rows == 1);
    m.columns[1] = F::notes;
    const std::vector<ColumnChoice> before{{"金额", F::paid}, {"Customer", F::account}};
    CHECK(mapping_to_remember(t, m, before) ==
          std::vector<ColumnChoice>{{"客户名称", F::account}, {"自定义列", F::notes}, {"金额", F::amount}, {"Customer", F::account}});
    m.columns[2] = F::none;  // "not imported" is a choice worth remembering
    CHECK(mapping_to_remember(t, m)[2] == ColumnChoice{"金额", F::none});
    // Without a header row there is nothing to name a column by.
    m.header_row = false;
    CHECK(mapping_to_remember(t, m, before) == before);
    // And what is remembered maps the same table again.
    m = guess_columns(t, {});
    m.columns[1] = F::segment;
    CHECK(guess_columns(t, mapping_to_remember(t, m)) == m);
}

TEST_CASE("the mapping to remember is bounded", "[plan_csv][mapping]") {
    std::vector<ColumnChoice> before;
    for (int i = 0; i < 300; ++i) before.push_back({"列" + std::to_string(i), F::notes});
    before.push_back({std::string(201, 'x'), F::notes});
    const Table t = read_table("客户,金额\n");
    const auto kept = mapping_to_remember(t, guess_columns(t, {}), before);
    CHECK(kept.size() == kRememberedHeaders);
    CHECK(kept[0] == ColumnChoice{"客户", F::account});
    CHECK(kept[2] == ColumnChoice{"列0", F::notes});
    CHECK(kept.size() <= kPlanLimits.mapping_columns);
}
