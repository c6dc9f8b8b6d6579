//! The Alipay bill (支付宝交易明细), as the app exports it: GBK, about 24 preamble
//! lines (导出信息, 姓名, 支付宝账户, 起始时间, counts, 特别提示 …, a line of dashes
//! naming 支付宝（中国）网络技术有限公司), then the header
//! `交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,`
//! with cells padded by spaces and a comma closing every line; 收/支 is `不计收支`
//! for withdrawals, top-ups and refunds. The older web export (交易号, 交易创建时间,
//! 类型, 金额（元）, 服务费（元）) is read too. Layouts from double-entry-generator
//! (github.com/deb-sig/double-entry-generator, example/alipay/example-alipay-records.csv
//! and pkg/provider/alipay) and china_bean_importers (alipay web).

use super::{BillMessage, Cells, Classified, Direction, Layout, Role, Wallet};
use crate::error::message::Quoted;

pub static LAYOUT: Layout = Layout {
    wallet: Wallet::Alipay,
    columns: &[
        (Role::Time, &["交易时间", "交易创建时间"], true),
        (Role::Kind, &["交易分类", "类型"], true),
        (Role::Counterparty, &["交易对方"], true),
        (Role::Goods, &["商品说明", "商品名称"], false),
        (Role::Direction, &["收/支"], true),
        (Role::Amount, &["金额", "金额（元）", "金额(元)"], true),
        (Role::Method, &["收/付款方式"], false),
        (Role::Status, &["交易状态"], true),
        (Role::Reference, &["交易订单号", "交易号"], true),
        (Role::Note, &["备注"], false),
        (Role::Fee, &["服务费（元）", "服务费(元)"], false),
    ],
    classify,
};

/// The wallet's own money: 余额 (a payment by card or from 余额宝 leaves it alone).
fn from_wallet(method: &str) -> bool {
    matches!(method, "" | "/" | "余额" | "账户余额")
}

fn classify(cells: &Cells<'_>) -> Classified {
    let kind = cells.get(Role::Kind);
    let goods = cells.get(Role::Goods);
    let says = |word: &str| kind.contains(word) || goods.contains(word);
    let status = cells.get(Role::Status);
    if status.contains("交易关闭") || status.contains("失败") {
        return Ok(None);
    }
    let method = cells.get(Role::Method);
    Ok(match cells.get(Role::Direction) {
        "收入" => Some((Direction::In, says("退款"))),
        "支出" if from_wallet(method) => Some((Direction::Out, says("退款"))),
        "支出" => None,
        "不计收支" if says("提现") => Some((Direction::Withdrawal, false)),
        "不计收支" if says("充值") => Some((Direction::TopUp, false)),
        "不计收支" if says("服务费") => Some((Direction::Fee, false)),
        "不计收支" if says("退款") && from_wallet(method) => Some((Direction::In, true)),
        "不计收支" if says("退款") => None,
        other => {
            return Err(BillMessage::UnknownDirection {
                direction: Quoted::new(other),
                kind: Quoted::new(kind),
                wallet: Wallet::Alipay,
            });
        }
    })
}
