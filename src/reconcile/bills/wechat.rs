//! The WeChat Pay bill (微信支付账单明细), as the app exports it to CSV: 16 preamble
//! lines (微信昵称, 起始时间, 导出时间, counts of 收入/支出/中性交易, notes, a line of
//! dashes), then the header
//! `交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号,商户单号,备注`,
//! amounts like `¥100.00`, references followed by a tab, and 收/支 `/` for 中性交易
//! (提现, 充值 …). Layout from double-entry-generator (github.com/deb-sig/
//! double-entry-generator, example/wechat/example-wechat-records.csv and
//! pkg/provider/wechat/parse.go).

use super::{BillMessage, Cells, Classified, Direction, Layout, Role, Wallet};
use crate::error::message::Quoted;

pub static LAYOUT: Layout = Layout {
    wallet: Wallet::Wechat,
    columns: &[
        (Role::Time, &["交易时间"], true),
        (Role::Kind, &["交易类型"], true),
        (Role::Counterparty, &["交易对方"], true),
        (Role::Goods, &["商品"], false),
        (Role::Direction, &["收/支"], true),
        (Role::Amount, &["金额(元)", "金额（元）"], true),
        (Role::Method, &["支付方式"], false),
        (Role::Status, &["当前状态"], true),
        (Role::Reference, &["交易单号"], true),
        (Role::Note, &["备注"], false),
        (Role::Fee, &["服务费"], false),
    ],
    classify,
};

/// The wallet's own money: 零钱 and 零钱通 (a payment by bank card leaves it alone).
fn from_wallet(method: &str) -> bool {
    matches!(method, "" | "/" | "零钱" | "零钱通")
}

fn classify(cells: &Cells<'_>) -> Classified {
    let kind = cells.get(Role::Kind);
    let refund = kind.contains("退款");
    let status = cells.get(Role::Status);
    if status.contains("已全额退款") || status.contains("支付失败") || status.contains("已关闭")
    {
        return Ok(None);
    }
    Ok(match cells.get(Role::Direction) {
        "收入" => Some((Direction::In, refund)),
        "支出" if from_wallet(cells.get(Role::Method)) => Some((Direction::Out, refund)),
        "支出" => None,
        "/" | "" if kind.contains("提现") => Some((Direction::Withdrawal, false)),
        "/" | "" if kind.contains("充值") => Some((Direction::TopUp, false)),
        "/" | "" if kind.contains("服务费") => Some((Direction::Fee, false)),
        other => {
            return Err(BillMessage::UnknownDirection {
                direction: Quoted::new(other),
                kind: Quoted::new(kind),
                wallet: Wallet::Wechat,
            });
        }
    })
}
