"""Demo content of the FAQ page: real questions of an electricity supplier's customers, with
answers drawn from the service quality standard (section numbers in the comments).

Each item: (anchor, question, answer HTML) in Russian, then English. Links point at the
pages that say more.
"""

import json

CATEGORIES = [
    (
        "payment",
        "Оплата электроэнергии",
        "Paying for electricity",
        [
            # §6.2: payment procedure; counters without commission
            (
                "where-to-pay",
                "Где оплатить электроэнергию без комиссии?",
                "<p>Без комиссии — в кассах центров обслуживания клиентов Общества. Также "
                "можно оплатить в пунктах приёма платежей банков и партнёров (они могут брать "
                'комиссию). Адреса и режим работы — на странице <a href="/clients/payment/">'
                "«Оплата электроэнергии»</a>.</p>",
                "Where can I pay for electricity without a commission?",
                "<p>At the cash desks of our service centres. Partner payment points and banks "
                'may charge a commission. See <a href="/en/clients/payment/">Paying for '
                "electricity</a>.</p>",
            ),
            (
                "bill-not-received",
                "Не пришла квитанция за свет. Что делать?",
                "<p>Счёт на оплату доставляется по почте; его также можно распечатать в личном "
                "кабинете клиента. Гражданам платёжный документ представляется не позднее 1-го "
                "числа месяца, следующего за расчётным. Если счёт не пришёл, позвоните на "
                'горячую линию или напишите в <a href="/reception/">виртуальную приёмную</a>, '
                "указав номер лицевого счёта.</p>",
                "My electricity bill has not arrived. What should I do?",
                "<p>Bills come by post and can be printed from your customer account. Call the "
                'hotline or write to the <a href="/en/reception/">virtual reception</a> '
                "giving your account number.</p>",
            ),
            (
                "payment-deadline",
                "До какого числа нужно оплатить счёт за электроэнергию?",
                "<p>Гражданам — до 10-го числа месяца, следующего за истекшим расчётным "
                "периодом, если договором не установлен иной срок. Юридическим лицам — в "
                "сроки, установленные договором энергоснабжения. Порядок расчётов — на "
                'странице <a href="/clients/payment/">«Оплата электроэнергии»</a>.</p>',
                "By what date must I pay the electricity bill?",
                "<p>Households by the 10th of the following month unless the contract says "
                "otherwise; businesses on the terms of their contract.</p>",
            ),
            (
                "pay-online",
                "Можно ли оплатить электроэнергию онлайн?",
                "<p>Да: в личном кабинете клиента, через интернет-банк или мобильное "
                "приложение банка по номеру лицевого счёта. Платёж зачисляется в течение "
                "1–3 рабочих дней.</p>",
                "Can I pay for electricity online?",
                "<p>Yes: in your customer account or in your bank's app, using your account "
                "number. A payment is credited within 1–3 working days.</p>",
            ),
            (
                "debt-amount",
                "Как узнать задолженность по лицевому счёту?",
                "<p>Размер задолженности сообщается по запросу клиента: по телефону горячей "
                "линии, в центре обслуживания или через "
                '<a href="/reception/">виртуальную приёмную</a>. Сайт не показывает '
                "персональные данные публично.</p>",
                "How do I find out how much I owe?",
                "<p>We tell you on request: by phone, at a service centre or through the "
                '<a href="/en/reception/">virtual reception</a>. The site never shows '
                "personal data publicly.</p>",
            ),
            (
                "reconciliation",
                "Как получить акт сверки расчётов?",
                "<p>Сверка расчётов проводится один раз в год, а также по запросу клиента. "
                "Документы по результатам сверки готовятся в течение 3 дней (раздел 7 "
                'Стандарта). Запрос можно направить через <a href="/reception/">виртуальную '
                "приёмную</a>.</p>",
                "How do I get a reconciliation statement?",
                "<p>Reconciliation is done once a year and on request; the documents are "
                "ready within 3 days.</p>",
            ),
        ],
    ),
    (
        "readings",
        "Показания и приборы учёта",
        "Meter readings and meters",
        [
            (
                "submit-readings",
                "Как передать показания счётчика?",
                "<p>Показания приборов учёта принимаются в любое удобное время: через форму на "
                'странице <a href="/clients/meter-readings/">«Передача показаний»</a>, по '
                "телефону, по электронной почте и в центрах очного обслуживания.</p>",
                "How do I submit my meter readings?",
                '<p>Any time: with the form on <a href="/en/clients/meter-readings/">Meter '
                "readings</a>, by phone, by e-mail or at a service centre.</p>",
            ),
            (
                "readings-dates",
                "В какие дни передавать показания?",
                "<p>Показания принимаются круглосуточно. Чтобы они попали в ближайший счёт, "
                "передайте их с 15-го по 25-е число текущего месяца.</p>",
                "When should I submit readings?",
                "<p>Any time; to be included in the next bill, between the 15th and the 25th "
                "of the month.</p>",
            ),
            (
                "no-readings",
                "Что будет, если не передавать показания прибора учёта?",
                "<p>Если показания не переданы, объём потребления определяется расчётным "
                "способом — по среднемесячному потреблению, а затем по нормативу потребления. "
                "После передачи показаний начисления пересчитываются.</p>",
                "What happens if I do not submit readings?",
                "<p>Consumption is estimated from your average, then by the consumption norm; "
                "it is recalculated once you submit readings.</p>",
            ),
            (
                "broken-meter",
                "Счётчик сломался. Как теперь будут начислять?",
                "<p>При выходе прибора учёта из строя или его отсутствии объём потребления "
                'определяется расчётным способом или по <a href="/clients/consumption-norms/">'
                "нормативу потребления</a>. Сообщите о неисправности и замените прибор как "
                "можно скорее.</p>",
                "My meter is broken. How will I be billed?",
                "<p>Without a working meter consumption is estimated or billed by the "
                "consumption norm. Report the fault and replace the meter soon.</p>",
            ),
            (
                "replace-meter",
                "Как заменить или установить прибор учёта (электросчётчик)?",
                "<p>Подайте письменную заявку. Технические условия на монтаж или демонтаж "
                "прибора учёта выдаются в течение 10 дней с момента регистрации заявки "
                '(раздел 7 Стандарта). Замена счётчиков — в <a href="/clients/services/">'
                "дополнительных услугах</a>.</p>",
                "How do I replace or install a meter?",
                "<p>Send a written request; technical conditions are issued within 10 days.</p>",
            ),
            (
                "meter-reader-visit",
                "Контролёр пришёл снять показания. Как проверить, что он от вас?",
                "<p>Контролёр предъявляет удостоверение и бейдж с фотографией, наименованием "
                "Общества, ФИО и должностью. О плановом считывании показаний сообщается за 10 "
                "дней. Проверка проводится в рабочие дни с 11:00 до 22:00.</p>",
                "A meter reader has come. How do I know he is yours?",
                "<p>He shows an ID card and a badge with a photo, our name, his full name and "
                "position. Planned visits are announced 10 days ahead.</p>",
            ),
            (
                "day-night-meter",
                "Выгодно ли поставить двухтарифный счётчик день/ночь?",
                "<p>Многозонный прибор учёта выгоден, если значительная часть потребления "
                "приходится на ночь: ночной тариф ниже дневного. Цены по зонам суток — на "
                'странице <a href="/clients/tariffs/">«Тарифы»</a>.</p>',
                "Is a day/night meter worth it?",
                "<p>Yes if much of your consumption is at night: the night rate is lower.</p>",
            ),
        ],
    ),
    (
        "contracts",
        "Договор энергоснабжения",
        "Supply contract",
        [
            (
                "contract-documents",
                "Какие документы нужны для заключения договора энергоснабжения?",
                "<p>Заявление, документ, удостоверяющий личность (для граждан) или "
                "учредительные документы (для организаций), документ о праве собственности "
                "на объект и акт об осуществлении технологического присоединения. Полный "
                'перечень — на странице <a href="/clients/contracts/">«Договоры '
                "энергоснабжения»</a>.</p>",
                "What documents do I need for a supply contract?",
                "<p>An application, ID (or company documents), proof of ownership and the "
                'grid connection act. See <a href="/en/clients/contracts/">Supply '
                "contracts</a>.</p>",
            ),
            (
                "contract-term",
                "Сколько времени занимает заключение договора?",
                "<p>Уведомление о возможности заключения договора или о недостающих "
                "документах направляется в течение 5 дней. Подписанный договор "
                "предоставляется в течение 30 дней юридическим лицам и в течение 10 рабочих "
                "дней гражданам.</p>",
                "How long does it take to conclude a contract?",
                "<p>We reply within 5 days; the signed contract takes 30 days for businesses "
                "and 10 working days for households.</p>",
            ),
            (
                "new-owner",
                "Купил квартиру. Как переоформить лицевой счёт на себя?",
                "<p>Обратитесь в центр обслуживания с паспортом и документом о праве "
                "собственности, передайте показания счётчика на дату покупки. Лицевой счёт "
                "переоформят на нового владельца.</p>",
                "I bought a flat. How do I transfer the account to my name?",
                "<p>Come to a service centre with your passport and proof of ownership and "
                "give the meter reading on the date of purchase.</p>",
            ),
            (
                "change-contract",
                "Как изменить условия договора?",
                "<p>Направьте заявление об изменении договора. Ответ юридическим лицам — в "
                "течение 15 дней; протокол разногласий граждан рассматривается в течение 30 "
                "дней.</p>",
                "How do I change my contract?",
                "<p>Send an application: businesses get an answer within 15 days; a "
                "household's protocol of disagreements is considered within 30 days.</p>",
            ),
            (
                "guaranteeing-supplier",
                "Что значит «гарантирующий поставщик»?",
                "<p>Гарантирующий поставщик обязан заключить договор энергоснабжения с любым "
                "обратившимся потребителем, чьи энергопринимающие устройства находятся в "
                "зоне его деятельности (раздел 2 Стандарта).</p>",
                "What is a supplier of last resort?",
                "<p>A supplier obliged to sign a supply contract with any customer in its "
                "area.</p>",
            ),
        ],
    ),
    (
        "tariffs",
        "Тарифы и начисления",
        "Tariffs and charges",
        [
            (
                "who-sets-tariffs",
                "Кто устанавливает тарифы на электроэнергию?",
                "<p>Тарифы для населения и приравненных к нему категорий устанавливает "
                "региональный орган регулирования тарифов. Действующие тарифы — на странице "
                '<a href="/clients/tariffs/">«Тарифы»</a>.</p>',
                "Who sets electricity tariffs?",
                "<p>The regional tariff regulator. See <a href='/en/clients/tariffs/'>"
                "Tariffs</a>.</p>",
            ),
            (
                "tariff-change",
                "Когда меняется тариф и как я об этом узнаю?",
                "<p>Тарифы обычно меняются с 1 июля. Об изменении тарифов Общество сообщает "
                "через электронные и печатные СМИ и на этом сайте (раздел 7 Стандарта).</p>",
                "When do tariffs change and how will I know?",
                "<p>Usually from 1 July; we announce changes in the media and on this site.</p>",
            ),
            (
                "electric-stove",
                "Почему у соседа с электроплитой тариф ниже?",
                "<p>Для домов, оборудованных электроплитами, и для сельских населённых пунктов "
                "регулятор устанавливает пониженные тарифы. Категорию можно подтвердить "
                "документами в центре обслуживания.</p>",
                "Why does my neighbour with an electric stove pay less?",
                "<p>The regulator sets lower tariffs for homes with electric stoves and for "
                "rural areas.</p>",
            ),
            (
                "wrong-charge",
                "Мне неправильно начислили плату за свет. Куда обратиться?",
                "<p>Напишите в <a href='/reception/'>виртуальную приёмную</a>, приложив фото "
                "показаний счётчика. Обращение рассматривается в течение 15 календарных дней; "
                "при ошибке начисление будет пересчитано.</p>",
                "I was overcharged for electricity. Whom do I contact?",
                "<p>Write to the virtual reception with a photo of the meter; we answer "
                "within 15 days and recalculate if we were wrong.</p>",
            ),
        ],
    ),
    (
        "outages",
        "Отключения и качество электроэнергии",
        "Outages and power quality",
        [
            (
                "no-power",
                "Пропало электричество. Куда звонить?",
                "<p>Аварии и перерывы в электроснабжении устраняет сетевая организация. "
                "Звоните диспетчеру сетевой организации вашего района — телефоны на странице "
                '<a href="/contacts/grid-companies/">«Сетевые организации»</a>. Мы также '
                "направим запрос в сетевую организацию в течение 5 дней после вашего "
                "обращения.</p>",
                "The power is off. Whom do I call?",
                "<p>The grid company of your area fixes outages: see "
                '<a href="/en/contacts/grid-companies/">Grid companies</a>.</p>',
            ),
            (
                "planned-outage",
                "Как узнать о плановом отключении электроэнергии?",
                "<p>Графики плановых отключений публикуются на странице "
                '<a href="/clients/outages/">«Плановые отключения»</a>. Гражданам сообщают не '
                "менее чем за 10 рабочих дней, юридическим лицам — не менее чем за месяц.</p>",
                "How do I learn about a planned outage?",
                '<p>See <a href="/en/clients/outages/">Planned outages</a>: households are '
                "told at least 10 working days ahead, businesses a month ahead.</p>",
            ),
            (
                "voltage",
                "Низкое напряжение в сети, мигает свет. Что делать?",
                "<p>Потребуйте замер показателей качества электроэнергии: он проводится с "
                "оформлением акта в течение 2 дней с момента требования клиента (раздел 7 "
                "Стандарта).</p>",
                "The voltage is low and the lights flicker. What can I do?",
                "<p>Ask for a power-quality measurement: it is done with an act within 2 days.</p>",
            ),
            (
                "disconnection-debt",
                "За долг могут отключить электроэнергию?",
                "<p>Да. При задолженности за установленное число периодов платежа подача "
                "электроэнергии может быть ограничена полностью или частично. Перед этим "
                "клиенту направляется уведомление под расписку, заказным письмом или "
                "телефонограммой.</p>",
                "Can my power be cut off for debt?",
                "<p>Yes, after a written notice, supply can be restricted fully or partially.</p>",
            ),
            (
                "reconnection",
                "Как возобновить подачу электроэнергии после отключения за долг?",
                "<p>Погасите задолженность и оплатите расходы на введение ограничения и "
                "возобновление. Подача возобновляется в сроки, установленные договором и "
                "законодательством.</p>",
                "How is supply restored after a cut-off for debt?",
                "<p>Pay the debt and the costs of the restriction; supply is restored within "
                "the legal terms.</p>",
            ),
        ],
    ),
    (
        "appeals",
        "Обращения и жалобы",
        "Appeals and complaints",
        [
            (
                "how-to-complain",
                "Как подать жалобу или обращение?",
                "<p>Через <a href='/reception/'>виртуальную приёмную</a> на сайте, по почте, "
                "по электронной почте, по телефону или лично в центре обслуживания. Укажите "
                "контактные данные: обращение без них не рассматривается (раздел 9.2 "
                "Стандарта).</p>",
                "How do I file a complaint or an appeal?",
                "<p>Through the virtual reception, by post, e-mail, phone or in person. Give "
                "your contact details.</p>",
            ),
            (
                "appeal-term",
                "В какой срок ответят на обращение?",
                "<p>В течение 15 календарных дней. Если нужна более детальная проработка, "
                "после промежуточного ответа срок может быть продлён не более чем на 15 дней "
                "(раздел 11 Стандарта).</p>",
                "How soon will you answer my appeal?",
                "<p>Within 15 calendar days; after an interim reply the term may be extended "
                "by at most 15 days.</p>",
            ),
            (
                "appeal-status",
                "Как узнать статус обращения?",
                "<p>По регистрационному номеру на странице "
                '<a href="/reception/status/">«Статус обращения»</a>.</p>',
                "How do I check the status of my appeal?",
                '<p>With its number on <a href="/en/reception/status/">Appeal status</a>.</p>',
            ),
            (
                "answer-channel",
                "Можно ли получить ответ по электронной почте?",
                "<p>Да, клиент сам выбирает способ ответа: почтой, по электронной почте или "
                "по телефону.</p>",
                "Can I get the answer by e-mail?",
                "<p>Yes, you choose: post, e-mail or phone.</p>",
            ),
            (
                "callback",
                "Я оставил сообщение на автоответчике. Когда перезвонят?",
                "<p>Если вы оставили телефон — в течение 5 рабочих дней; если только адрес — "
                "ответ направят в течение 20 рабочих дней.</p>",
                "I left a message on the answering machine. When will you call back?",
                "<p>Within 5 working days if you left a phone number, 20 if only an address.</p>",
            ),
        ],
    ),
    (
        "service",
        "Обслуживание клиентов",
        "Customer service",
        [
            (
                "office-hours",
                "Где находятся центры обслуживания и как они работают?",
                "<p>Адреса, телефоны и режим работы центров очного обслуживания — на странице "
                '<a href="/contacts/">«Контакты»</a>.</p>',
                "Where are your service centres and when are they open?",
                '<p>See <a href="/en/contacts/">Contacts</a>.</p>',
            ),
            (
                "home-visit",
                "Может ли сотрудник приехать на дом к пожилому человеку?",
                "<p>Да. Для одиноких граждан с инвалидностью или старше 65 лет организуется "
                "индивидуальное выездное обслуживание — не чаще 1 раза в год, по письменному "
                "или телефонному обращению; дата назначается в пределах 30 рабочих дней.</p>",
                "Can someone visit an elderly person at home?",
                "<p>Yes, for lone disabled customers or those over 65, once a year, within 30 "
                "working days of the request.</p>",
            ),
            (
                "personal-account",
                "Как зарегистрироваться в личном кабинете клиента?",
                "<p>Для регистрации нужен номер лицевого счёта из квитанции и адрес "
                "электронной почты. В личном кабинете можно передавать показания, оплачивать "
                "и распечатывать счета.</p>",
                "How do I register in the customer account?",
                "<p>You need the account number from your bill and an e-mail address.</p>",
            ),
        ],
    ),
]


def _stream(english: bool) -> str:
    data = []
    for anchor, title_ru, title_en, questions in CATEGORIES:
        data.append(
            {
                "type": "category",
                "value": {
                    "title": title_en if english else title_ru,
                    "anchor": anchor,
                    "questions": [
                        {
                            "question": q_en if english else q_ru,
                            "anchor": q_anchor,
                            "answer": a_en if english else a_ru,
                        }
                        for q_anchor, q_ru, a_ru, q_en, a_en in questions
                    ],
                },
            }
        )
    return json.dumps(data, ensure_ascii=False)


FIELDS = {
    "intro": (
        "<p>Ответы на вопросы, которые клиенты задают чаще всего, по темам: оплата, показания, "
        "договор, тарифы, отключения, обращения и обслуживание.</p>"
    ),
    "categories": _stream(english=False),
}

FIELDS_EN = {
    "intro": "<p>Answers to the questions customers ask most often.</p>",
    "categories": _stream(english=True),
}
