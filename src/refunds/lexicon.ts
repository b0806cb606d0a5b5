// The classifier's lexicon: versioned data, one pattern list per code and per rule kind.
// Every pattern is written as normalizeRefundText writes text: simplified, lowercase, NFKC, no
// space between Chinese characters (a test checks each one). Pattern syntax, inside a `|` list:
//   ~p   a weak cue (strength 0.6): ambiguous on its own; it decides only when no strong cue fired
//   !p   a polarity cue: a positive word that names the reason only when a negator stands right
//        before it (不合身, 没(有给我)发货, haven't received): at most 2 characters or tokens between
//   p*   a Latin stem: may run on into a longer word (defect* matches defective)
//   ^p   counts only in seller and agent notes (author 'seller' or 'agent'), where the return is
//        the subject: 使用痕迹 there describes what came back, in a buyer's text what arrived
// Latin patterns match whole words otherwise. Cues are general phrases, never whole sentences.
// Each cue is written once, in one form: VARIANTS and TYPOS below, with the rules of expand.ts,
// generate its other forms (速递 for 快递, 过了期 for 过期, doesnt for doesn't, 地址填措 for 地址填错)
// when the automaton is built. A form written anywhere in this file is never generated.
import type { ReasonCode } from './taxonomy.ts';

/**
 * The version of the built-in lexicon, reported with every classification. It changes whenever a
 * pattern is added, removed or moved, so that stored classifications can be traced.
 *
 * @example
 * ```ts
 * classifyRefundReason('发错货了').lexiconVersion === LEXICON_VERSION; // true
 * ```
 */
export const LEXICON_VERSION = '2026.11.4';

/**
 * A code the lexicon can name, plus `NOT_RECEIVED`: "not received", whose code depends on the
 * order state (unshipped: `LATE_SHIPMENT`; shipped or unknown: `DELIVERY_DELAY`; received, that is
 * signed for: `LOST_PARCEL`).
 */
export type CueTarget = Exclude<ReasonCode, 'OTHER'> | 'NOT_RECEIVED';

/** Cue patterns per code (RF-2 names most of these cases). */
export const CUES: Readonly<Record<CueTarget, string>> = {
  SUSPECTED_ABUSE:
    '调包|掉包|恶意退款|恶意退货|职业打假|打假人|职业差评|差评师|~退一赔三|~假一赔三|敲诈|勒索|讹诈|退回的不是|寄回的不是|退回来的不是|寄回来的不是|~退回的是|~寄回的是|退回空盒|寄回空盒|非本店商品|不是本店的|不是我们家的|不是我们店的|~吊牌已剪|~吊牌剪了|~吊牌被剪|~剪了吊牌|~吊牌没了|明显穿过|明显用过|使用过的痕迹|影响二次销售|频繁退款|多次退款|反复退款|屡次退款|羊毛党|薅羊毛|wardrobing|returned a different item|returned the wrong item|returned an empty box|fraudulent return|serial returner|~退回来的是|~寄回来的是|~我们发出的|~我们发的|~我们寄出的|~returned unit|~returned item|~than we shipped|~than we sent|~we shipped|~refund claims|~refund requests|~this buyer|~被换|~tags cut|~tags cut off|~tags removed|~tag removed|~tags off|returned a used|sent back a used|instead of our|instead of ours|^使用痕迹|^穿过的|^用过的|^洗过|^砖头|^石头|^换了货|^被换了|^不是同一|^~怀疑|^~疑似|^signs of use|^signs of wear|^clearly worn|^clearly used|^been worn|^been used|^not ours|^not the one we sent|^serial doesn\'t match|^different serial|^~suspect*',
  ADVERSE_REACTION:
    '疙瘩|吐奶|吐了|打喷嚏|喷嚏|红斑|起斑|~难受|又红又肿|肿了|心慌|心悸|~红了|~不舒服|got sick|sick after|felt sick|过敏|过民|起疹|红疹|疹子|起痘|长痘|爆痘|闷痘|烂脸|红肿|刺痛|瘙痒|发痒|很痒|好痒|脸痒|痒痒|泛红|发红|灼烧|灼热感|刺激皮肤|不耐受|拉肚子|腹泻|肚子疼|肚子痛|胃疼|呕吐|想吐|头晕|起包|起红点|吃了不舒服|用了不舒服|不良反应|宠物食用不适|吃了吐|allergic|allergy|allergies|rash|breakout|itchy|itching|burning sensation|hives|irritation|irritated my skin|made me sick|made my dog sick|stomach ache|stomachache|diarrhea|vomit*|threw up|好痕|很痕|痕痒|~红点|肚泻|肚痛|冒痘|got the runs|broke me out|broken out|~made my skin|~made my face|~stung|~stings|~burned my|~burns my',
  EXPIRED_OR_SPOILED:
    '哈喇味|油哈味|哈味|放太久|放久了|解冻|长霉|霉了|sour|rancid|smells off|胀包|霉味|霉斑|霉点|烂掉|过期|临期|快到期|保质期|变质|发霉|霉变|长毛了|馊了|发臭|臭了|腐烂|~烂了|不新鲜|生虫|有虫|虫子|胀袋|胀气|化了|融化|结块|生产日期|日期不对|已经坏掉|expired|expiry|expiration|best before|past the date|moldy|mouldy|mold|mould|spoiled|spoilt|rotten|stale|went bad|gone off|bugs in|~霉|best-before|use-by|~past their|~past its|~臭味|~melted|~smells funny|~smells funky|~smells bad|gone bad',
  COUNTERFEIT:
    '不像正品|不像真的|不正规|!正规|~批号|查无此码|~序列号|仿的|仿制|仿冒|!官方授权|!授权|!正品|!原装|!真品|!authentic|!genuine|!original|假货|假的|是假|不是正品|非正品|不是原装|非原装|高仿|仿品|山寨|盗版|冒牌|假冒|三无|a货|复刻|鉴定是假|鉴定为假|验货不是|防伪码查不到|防伪查不到|防伪码查询不到|~防伪|~正品吗|fake|counterfeit|knockoff|knock-off|replica|not genuine|not authentic|not original|not the real|翻版|!正货|老翻|a knock off|cheap knock off|knock offs',
  EMPTY_PACKAGE:
    '~什么也没有|~什么都没有|~啥都没有|~啥也没有|空空|是空的|空包裹|空包|空盒|空箱|空的盒子|盒子是空的|箱子是空的|包裹是空的|里面是空的|里面什么都没有|里面啥都没有|里面什么也没有|里面没东西|里面没有东西|只有一个盒子|只收到盒子|只有包装|只有外包装|只收到一个空|empty box|empty parcel|box was empty|package was empty|nothing inside|nothing in the box|nothing in the package|只有气泡|只有泡沫|只有泡泡|只有填充|只有报纸|只有纸|只有发票|只有一张发票|只有一张纸|~包裹很轻|~箱子很轻|~盒子很轻|~轻飘飘|空的|空box|空parcel|~乜都没|~empty|only bubble wrap|only packing',
  WRONG_ITEM:
    '发反|~对不上|~给的是|~给我的是|~寄了个|~i ordered|~and got a|~order的是|买的不同|拍的不同|下单的不一样|和订单上的不一样|订单上的不一样|~寄来的是|~送来的是|~给我发了|~给我寄了|~发给我的是|~我买的|~我拍的是|~我订的是|~我下单的是|~订单上|~订单里|~发了个|发错|寄错|错发|错寄|发成了|给我发成|发的是别|发来的是|收到的是别|收到的不是|不是我买的|不是我拍的|不是我要的|不是我下单的|跟我买的不一样|和我买的不一样|和订单不符|和订单不一样|货不对|东西不对|发错获|发措|颜色不对|款式不对|wrong colour|~发的是|wrong item|wrong product|sent the wrong|sent me the wrong|sent wrong|sent a different|received the wrong|received a different|got the wrong|got a different|not what i ordered|not the item i ordered|not the one i ordered|someone else\'s order|different item|~和我下单的|~和我拍的|~和我买的|~sent me|~you sent|~order says|~instead of|~买的是|~收到的是|~收到的却是',
  MISSING_ITEM:
    '~只收到|~只收了|~only got|~only received|少给|少放|少装|漏装|漏放|没放|没装|没附|没有附|说好送|承诺送|宣传说送|页面说送|not in the package|not in the box|没有送|没送|只到一|was missing|盒子里没有|包裹里没有|箱子里没有|里面没有|!遥控器|!配件|!说明书|!充电器|!电池|!螺丝|!零件|!赠品|!数据线|!充电线|!充电头|~应该有|~本来应该有|~本该有|~只有|only came with|came with only|one short|short one|missing one|少件|少发|漏发|漏寄|少寄|少了一|少一件|少一个|少个|缺件|缺配件|少配件|缺少配件|配件没有|配件不全|配件少|少赠品|缺赠品|赠品没|没有赠品|没送赠品|没给赠品|赠品呢|只收到一|只到了一|数量不对|数量不够|数量少|个数不对|不够数|少说明书|没有说明书|说明书没|没有充电器|充电器没|没有配件|不齐|~少了|~缺了|~缺少|missing|missing item|missing part*|parts missing|item missing|only received one|only got one|only one of|not all items|incomplete|short shipped|no charger|not included|漏了一个|漏了一件|漏了一条|漏了个|漏掉|~only one|~only 1|~only 2|~only 3|~only 4|~only 5|~only two|~only three|~only four|~only five|!in the box|!in the package|!included|doesn\'t come with|came without',
  DAMAGED_IN_TRANSIT:
    '裂成|压塌|塌了|全湿|~湿了|~进水了|缺口|磕了|扁了|全毁|毁了|in pieces|湿透|泡水|泡了|淋湿|受潮|碎成|压碎|破碎|碎片|soaked|ruined|water damage*|wet|破损|~破了|碎了|碎掉|摔碎|裂了|裂开|裂痕|裂缝|压坏|压扁|压烂|压变形|被压|~变形|凹陷|凹了|瘪了|磕坏|磕碰|磕到|撞坏|摔坏|漏液|漏出来|洒了|撒了|外箱破|外包装破|包装破|箱子破|箱子烂|盒子破|盒子烂|盒子压|包装烂|包装坏|快递摔|运输中损坏|运输过程中|暴力运输|暴力分拣|破顺|~划痕|~刮花|~磨损|~包装问题|~broken|arrived broken|came broken|was broken when|broken on arrival|smashed|shattered|cracked|crushed|dented|damaged|damage|leaking|leaked|spilled|box was damaged|damaged box|damaged in transit|damaged during shipping|arrived damaged|~scratch*|崩了一角|崩角|崩口|缺角|掉了一角|~漏了|漏了一箱|craked|~崩了|~crack',
  QUALITY_DEFECT:
    '洗一次就|洗了一次就|穿一次就|用一次就|用了一次就|才用一次|才穿一次|用了几次就|穿了几次就|用了两次就|戴了几次就|就停了|自己停了|停转|焦味|糊味|烧焦|调不了|发黄|变黄|线开了|线全开|接触不良|毛球|就没电|~没电|~口子|~只能用|come off|coming off|keeps getting stuck|teeth came off|crackle*|不热|不保温|保温效果差|不结实|不牢|折了|一闪一闪|吸力弱|吸力很弱|吸不起|只能撑|撑不了|~难用|burned out|burnt out|chipping|chipped|died|dead battery|only lasts|~stopped|不准|勾丝|抽丝|钻毛|跑毛|掉绒|跑绒|夹生|煮不熟|涂层|掉皮|起皮|竖线|横线|亮点|坏点|漏光|闪烁|不灵|不好使|卡住|卡死|拉不动|打不开|关不上|关不紧|拧不紧|合不上|锁不上|按不动|转不动|不出水|不出风|不出雾|不出热|吹不出|出不来|不出声|不出墨|~不出|一直断|老是断|经常断|断连|掉线|断网|不稳定|snapped|flicker*|~太差|~很差|~这么差|~好差|~真差|~差劲|~质量|~品质|品质有问题|coming apart|leaks|seams|质量问题|质量差|质量太差|质量不好|质量不行|质量很差|质量有问题|质量堪忧|质量一般|质量太烂|品质问题|品质差|品质太差|品质不好|做工差|做工粗糙|做工不好|做工很差|做工太差|粗制滥造|坏了|坏掉|坏的|用不了|不能用|没法用|没办法用|无法使用|不能正常使用|用不起来|不工作|不转|不亮|不响|没声音|没有声音|杂音|噪音大|噪音很大|开不了机|开不机|无法开机|不开机|开机没反应|没反应|充不进电|充不了电|充不上电|不充电|不能充电|无法充电|连不上|连接不上|无法连接|死机|卡顿|黑屏|花屏|闪屏|漏电|漏水|漏气|故障|失灵|断了|断掉|脱落|开线|脱线|线头|起球|掉色|褪色|串色|染色|掉毛|掉渣|开胶|脱胶|起泡|瑕疵|洗变形|洗了就变形|洗完就变形|洗完变形|洗了一次就变形|一洗就变形|噪音|污渍|油渍|脏了|脏的|有污|异味|味道很大|味道太大|刺鼻|甲醛|次品|残次|劣质|破洞|有洞|掉漆|生锈|锈了|缩水|不制冷|不制热|不加热|不出水|不出风|不耐用|续航差|质量问提|质量问替|质亮|只量太差|做功差|~不好用|~掉了|~垃圾|~有问题|~毛病|defective|defect*|faulty|poor quality|bad quality|low quality|cheap quality|terrible quality|stopped working|not working|does not work|wont turn on|will not turn on|doesn\'t turn on|does not turn on|dead on arrival|doa|malfunction*|broke after|broke within|broke in|fell apart|falling apart|came apart|ripped|torn|stitching|loose thread*|peeling|pilling|faded|fading|stain|stains|stained|doesn\'t charge|not charging|no sound|overheat*|rust|rusty|rusted|poorly made|cheaply made|flimsy|开裂|broke|breaks|冒烟|怪声|异响|就烧了|烧坏|烧掉|自动关机|自己关机|熄机|packed in|packed up|gave out|quit working|conked out|!turn on|!switch on|!power on|!boil|!heat up|!spray|!spin|!light up|!pair|never worked|won\'t work|can\'t get it to work|cannot get it to work|couldn\'t get it to work',
  NOT_AS_DESCRIBED:
    '页面说|页面写|页面上写|详情写|详情页写|详情页说|网页写|网页说|商品页写|shown in the picture*|in the photo*|than pictured|than shown|落差|差距大|差距很大|差别大|差很多|description said|比图片|比照片|比图上|比描述|~说是|~号称|~宣传说|~宣称|~标称|~标注|~实际|~实物|~图片上|~图片看|listing said|~said it was|~supposed to be|~advertised as|~claims to be|实际量|实际只有|实测|量了只有|~标题写|~写着|~写的是|跟描述不符|描述不符|与描述不一致|描述不一致|跟描述不一样|跟介绍不一样|和宣传不一样|宣传不符|虚假宣传|夸大宣传|跟图片不一样|跟图片不符|跟图片差|图片不符|图文不符|与图不符|跟图不一样|货不对板|实物跟图片|跟照片不一样|跟详情页|跟主图|卖家秀|色差|颜色差太多|颜色差很多|实际尺寸|尺寸不符|尺寸与标注|标注的尺寸|跟标的不一样|材质不符|材质不对|面料不对|不是纯棉|不是真皮|不是实木|没有效果|没效果|毫无效果|一点效果|效果不明显|效果差|效果不好|容量不够|容量不对|分量不足|分量不够|重量不足|重量不对|缺斤少两|克数不够|和说的不一样|跟说的不一样|~不符|~不一样|~不一致|~描述|not as described|not as pictured|not as advertised|not as shown|different from the photo|different from the description|doesn\'t match the description|does not match the description|doesn\'t look like the picture|doesn\'t look like the photo|looks nothing like|misleading|false advertising|wrong description|smaller than described|smaller than advertised|smaller than pictured|bigger than described|not the same as the picture|not real leather|not 100% cotton|not as good as advertised|~使用痕迹|二手货|是二手的|被用过|~been used|second hand|second-hand|pre-owned|相差好远|差好远|差很远|差太远|相差很大|差好多|差超多|~同照片|~同图片|~同网上',
  PRESALE_MISINFORMATION:
    '咨询的时候|咨询时|买之前说|下单前说|之前说好|客服讲|~客服说能|~客服说可以|~客服说|客服告诉我|客服承诺|客服保证|客服跟我说|客服明明|客服答应|客服推荐|客服让我买|问过客服|咨询过客服|~你们客服|答应我|承诺的|明明说|当时说|乱推荐|推荐错|忽悠|被骗|骗人|the agent said|customer service said|your rep said|support told me|i was told|was promised|you promised|promised me|seller said|~customer service|~customer support|~chat support|~your rep|~the rep|~sales rep|~told me|~promised|~assured|~说好的|信誓旦旦|拍胸脯|打包票|客服之前|之前客服|客服当时|当时客服|~swore|~on chat|~in chat|~over chat|~before buying|~before i bought|~before ordering',
  LOST_PARCEL:
    '送到别人家|送去别人家|送到邻居家|送错地址|送错地方|送错人|被别人签收|被别人拿走|delivered to the wrong|delivered to someone else|delivered to my neighbo*|门口没有|没人签过|没人签收|家里没人签|~取出|~配达|~投递|没有我的件|没我的件|找不到我的|找不到包裹|包裹找不到|快递找不到|查不到|~签收|~已送达|~送达|~取货|~delivered|遗失|~不见了|显示delivered|显示已delivered|丢件|丢了|丢失|弄丢|丢包|显示签收|显示已签收|显示已送达|显示送达|被签收|签收了但|已签收但|签收了没|别人签收|代签|被代签|没见到快递|查不到物流|查不到快递|查无此件|物流查不到|快递查不到|没有物流信息|没有物流记录|物流信息没有|无物流信息|无物流记录|没物流|单号查不到|单号无效|假单号|lost|lost package|package lost|lost in transit|missing package|parcel is missing|marked as delivered|says delivered|shows delivered|shows as delivered|delivered but|no tracking|invalid tracking|stolen|显示已取件|显示取件|显示已取货|显示已领取|没人收|~已派送|~派送了|~已经派送|~派了|~safe place|~left at my door|~left at the door|~left outside',
  OUT_OF_STOCK:
    '卖断|卖光|卖完|发不出|~库存|缺货|没货|无货|断货|没库存|库存不足|没有库存|卖完了|售罄|补货|调不到货|out of stock|sold out|no stock|backorder*|not in stock|断码|没现货|无现货',
  LATE_SHIPMENT:
    '还在仓库|在仓库里|一拖再拖|~拖着|~拖了|!left the warehouse|不出货|待发货|没发|都没发|~等不了|~等不起|!sent|待揽收|没发出|!发出|发货慢|发货太慢|发货好慢|发货很慢|发货也太慢|迟迟不发|迟迟没发|一直不发|一直没发|还不发|还没发|不发货|没发货|延迟发货|延期发货|推迟发货|超时发货|发货超时|发货延迟|晚发货|拖着不发|没揽收|未揽收|没有揽件|不揽件|还没出库|没出库|出货慢|没出货|延迟出货|预售太久|预售时间太长|虚假发货|假发货|!发货|!出库|!揽收|~等太久|~等不及|~等了|has not shipped|not shipped|haven\'t shipped|didn\'t ship|still processing|not dispatched|late shipment|shipped late|slow to ship|dispatch delay|!shipped|!dispatched|!sent out|小时内发货|小时发货|天内发货|小时内发出|天内发出|发货晚|出货晚|发得晚|~准备中|~备货中|says processing|stuck in processing|unshipped',
  DELIVERY_DELAY:
    '没派送|没有派送|还没派送|躺了|躺在|清关|海关|customs|!派送|!派件|!送来|派送中|不送来|delay|~sitting at|~depot|~held at|~物流|~late|weeks late|days late|没更新|没有更新|不更新|物流慢|物流太慢|物流好慢|物流很慢|物流也太慢|快递慢|快递太慢|快递好慢|快递很慢|快递也太慢|物流不动|物流没动|快递不动|快递没动|物流一直不|物流停|物流卡|卡在|物流不更新|物流没更新|物流没有更新|物流信息不更新|信息没有更新|一直不更新|都不更新|几天不更新|几天不动|几天没动|一直不动|一直没动|一直在路上|还在路上|迟迟不到|迟迟没到|一直没到|未送达|没送达|送货太慢|派送太慢|配送慢|配送太慢|不派送|不送货|不送上门|滞留|停滞|延误|延迟送达|~太久了|~物流问题|~快递问题|~中转|delayed|delivery delay|late delivery|arrived late|still in transit|stuck in transit|stuck at|tracking hasn\'t updated|tracking not updated|no tracking update|no movement|hasn\'t moved|not moving|taking forever|taking too long|still waiting|where is my order|where is my parcel|where is my stuff|where is my item|slow delivery|~slow shipping|延迟配送|延迟派送|配送延迟|派送延迟|~延迟|~晚了|~转运|~集散|~分拣中心|~停在|~停留|hasnt updated|not moved|~in transit',
  NOT_RECEIVED:
    '没取|没取过|没拿过|没收到|没有收到|未收到|还没收到|收不到|没到货|没到|还没到|没拿到|没有拿到|没见到货|货呢|东西呢|包裹呢|快递呢|!收到|!到货|!拿到|!到|haven\'t received|have not received|not received|didn\'t receive|did not receive|hasn\'t arrived|has not arrived|not arrived|not yet arrived|not delivered|hasn\'t been delivered|!received|!arrived|!delivered|没去拿|没去取|never received|never arrived|never got it|never came|haven\'t got it|still haven\'t got|still not here|not here yet|isn\'t here yet|hasn\'t come|has not come|didn\'t come|never showed up|never turned up|hasn\'t shown up|didn\'t show up',
  PRICE_PROTECTION:
    '就打折|打折了|~打折|~on sale|价格降|价钱降|价格低了|变低了|低了好多|退差|~低了|降价|降了|便宜了|价格掉了|掉价|变便宜|价格变了|补差价|补差|退差价|差价|价保|保价|价格保护|买贵了|买亏了|又降|活动价更低|现在更便宜|现在便宜|今天便宜|比我买的时候便宜|直播间更便宜|直播间便宜|price drop*|price dropped|price went down|price adjustment|price protection|cheaper now|refund the difference|price difference|put it on sale|put on sale|puts it on sale|dropped the price|lowered the price|cut the price|went on sale|difference back',
  SIZE_FIT:
    '紧绷|绷紧|绷得|紧巴巴|~挤|~tight|肥大|太宽|太窄|snug|勒|买小了|买大了|换个大|换个小|换一个大|换一个小|大一点的|小一点的|~短了|~长了|size too|half a size|a size up|a size down|尺码不合适|尺码偏|尺码太|尺码小|尺码大|尺码有点|尺码问题|尺寸问题|大小问题|码数偏|码数不|码偏大|码偏小|码子|偏大|偏小|太大|太小|有点大|有点小|大一码|小一码|大一号|小一号|换大|换小|换个码|换码|换尺码|不合身|穿不上|穿不进|穿不下|塞不进|扣不上|拉链拉不上|太紧|太松|太肥|太瘦|太长|太短|袖子长|袖子短|裤腿长|腰围大|腰围小|挤脚|顶脚|夹脚|不跟脚|磨脚|勒得|尺吗|尺马|!合身|!合脚|~!合适|~大了|~小了|~尺码|~码数|~大小|~紧了|~松了|too small|too big|too large|too tight|too loose|too long|too short|runs small|runs large|runs big|does not fit|didn\'t fit|did not fit|size up|size down|smaller size|bigger size|larger size|~wrong size|~size|!fit|穿不落|~太细|细码|sizes small|sizes too small|sizes big|sizes too big|sizes smaller|sizes bigger|sizes larger|!get it on|!get it over|runs huge|swimming in it',
  COLOR_STYLE:
    '不是我要的感觉|不是想要的感觉|感觉不对|显得|~廉价|uglier|老气|像大妈|不搭|tacky|~图案|~花色|~配色|~设计|~pattern|~design|颜色不喜欢|不喜欢颜色|不喜欢这个颜色|颜色不好看|颜色难看|颜色太丑|颜色丑|颜色太艳|颜色太亮|颜色太暗|颜色太深|颜色太浅|显黑|显老|显胖|显矮|款式不喜欢|不喜欢款式|不喜欢这个款|款式不好看|款式难看|款式太丑|款式过时|样式不喜欢|样子不好看|版型不好|上身效果不好|上身效果差|上身效果一般|上身不好看|穿着不好看|穿上不好看|不好看|难看|太丑|很丑|好丑|有点丑|土气|太土|风格不适合|风格不搭|不是我喜欢的|颜色问题|有点土|很土|好土|~颜色|~款式|~样式|~版型|~丑|don\'t like the style|didn\'t like the colour|ugly|not my style|too bright|too dark|unflattering|doesn\'t suit me|~colour|~style|太艳|太鲜艳|老土|不是我要的风格|not my vibe|not my thing|not my taste|~looks cheap|~looks on me',
  INCOMPATIBLE:
    '装不进|放不进|~只能在|~只支持|插不了|插不上|螺口|美标|欧标|英标|电压不对|voltage|识别不了|不识别|无法识别|识别不到|装不到|卡口不对|卡口不匹配|~卡口|~接口|型号不匹配|不匹配|不兼容|不适配|不适用|适配不了|装不上|安装不上|装不了|插不进|接口不对|接口不匹配|不配套|不支持我|型号不支持|系统不支持|手机不支持|电脑不支持|肤质不匹配|不适合我的肤质|不适合我的皮肤|不适合油皮|不适合干皮|不适合敏感肌|我的车用不了|~型号不对|~不适合|!兼容|!匹配|!适配|not compatible|incompatible|does not fit my|won\'t fit my|does not work with|didn\'t work with|not supported|wrong plug|wrong adapter|~wrong model|!compatible|不相容|!相容|不支援|!支援|~不啱|~插座|~插头|装不起来|孔位不对|~孔位',
  ADDRESS_ERROR:
    '省市选错|寄到外省|选错省|选错市|选错区|留错|门牌号|地址不全|地址不完整|地址少写|old address|forgot to update|地址写成|地址填成|地址选成|地址填错|地址写错|地址错|地址不对|地址有误|写错地址|填错地址|填错了地址|选错地址|地址选错|收货地址错|地址没改|忘改地址|忘记改地址|改地址|修改地址|换地址|地址变更|更改地址|电话填错|电话写错|手机号填错|手机号写错|号码填错|号码写错|电话错|联系方式填错|收件人写错|收件人填错|wrong address|address was wrong|incorrect address|change the address|change my address|update my address|update the address|typo in my address|wrong phone number|wrong shipping address|少填|漏填|填漏|~联系不上我|门市选错|选错门市|门店选错|选错门店|选错取货点|选错自提点|自提点选错|取货点选错|选错超商|wrong zip|wrong postcode|wrong postal code|zip code is wrong|~zip code|~postcode|~postal code|~填错|收件人名字|名字填错|姓名填错|名字写错|姓名写错|~apartment number|~unit number|~flat number|~house number',
  ORDERED_BY_MISTAKE:
    '买重复|拍重复|下重复|买重了|bought it twice|ordered it twice|ordered twice|手一滑|一滑|下了两遍|买了两遍|拍了两遍|不留神|没留神|买了两次|without asking|kid ordered|child ordered|son ordered|daughter ordered|拍成|买成|下成|乱点|乱下单|by accident|accidentally|clicked twice|buy twice|拍错|下错单|下错了|下单错|买错|多拍|拍多|买多了|多买了|重复下单|重复拍|重复购买|下了两单|下了两次|拍了两次|拍了两单|拍重|误拍|误下单|误购|不小心拍|不小心下|不小心买|手滑|手抖|手误|错拍|ordered by mistake|ordered the wrong|ordered wrong|bought the wrong|accidentally ordered|accidental order|ordered by accident|ordered twice|duplicate order|double order|clicked by mistake|mistakenly ordered|by mistake|my mistake|拣错|手残|~没注意|~没看清|~没留意',
  COUPON_NOT_APPLIED:
    '没生效|不生效|没减到|~多付了|没领|忘领|没有领|~店铺券|忘记用|忘了用|~没用上|~没有用上|~折价券|~折扣码|~优惠码|~抵用券|~代金券|!折价券|!优惠码|!抵用券|没用券|没用上券|没用上优惠|忘了用券|忘记用券|忘记领券|忘了领券|忘用券|没领券|没有领券|优惠没用|券没用|用不了券|优惠券用不了|少用了优惠|少了优惠|没享受到优惠|没享受优惠|满减没|没有满减|没凑满|红包没用|没用红包|津贴没用|没用津贴|没用购物金|优惠没减|没抵扣|~优惠券|~优惠|~满减|!优惠券|!优惠|!券|!满减|!红包|!津贴|!领券|forgot to use the coupon|forgot to use my coupon|forgot the coupon|coupon didn\'t apply|coupon not applied|discount not applied|didn\'t get the discount|promo code didn\'t work|~promo code|~discount|没减|没有减|~付多了|没套用|未套用|没有套用|套用不了|套不上|没叠加|叠加不了|不能叠加|没有叠加|券用不到|coupon用不到|coupon用不了',
  FOUND_CHEAPER:
    '隔壁店|隔壁家|对面店|~别的地方|同款便宜|同款更便宜|~划算|~线下|~京东|~淘宝|~天猫|~抖音|~for less|~别家|~别的店|~别的店铺|~其他店|~其他家|~别处|~别人家|~另一家|~其他平台|~别的平台|~another site|~another store|~other store|~elsewhere|~才卖|~只卖|~超市|~实体店|~专柜|别家更便宜|别家便宜|别人家便宜|别人家更便宜|别的店便宜|别的店更便宜|其他店便宜|其他店更便宜|其他家便宜|别处便宜|别处更便宜|外面便宜|外面更便宜|实体店便宜|超市便宜|专柜便宜|官网便宜|旗舰店便宜|比你们便宜|比你家便宜|找到更便宜|发现更便宜|有更便宜|~更便宜|~便宜|~拼多多|cheaper elsewhere|cheaper on|cheaper at|better price|found a better price|found it cheaper|lower price elsewhere|~cheaper|~卖平|~卖得平|~平好多|~平很多|~amazon|~less on|~less at|~found the same|~更cheap|~walmart|~costco|~ebay|~shopee|~lazada|~temu|~aliexpress|~momo|~虾皮|~half the price|~half price',
  REFUSED_DELIVERY:
    '当场退回|当场拒|没让快递放|让他退回|退回去了|带回去|拿回去|不签收|~!签收|拒收|拒签|原路退回|让快递退回|refused delivery|refused the parcel|refused it at the door|refused to accept the package|rejected the delivery|return to sender|叫他退|叫快递退|让快递退|叫他拿回|叫他带回|~refused|refused the delivery|refused the shipment|refused shipment|rejected the package|rejected the shipment|~!accept|~reject|refused it|rejected it|拉回去',
  SEVEN_DAY_NO_REASON:
    '七天无理由|7天无理由|无理由退|七天无条件|7天无条件|7天退货|七天退货|七天内退|7天内退|七天鉴赏期|7天鉴赏期|鉴赏期|no reason return|no-reason return|seven-day return|return within 7 days|no questions asked|no-questions-asked|no question asked|7 day window|no particular reason|no specific reason|~no reason',
  CHANGED_MIND:
    '不让买|不让我买|不同意买|用处不大|没什么用|没啥用|不实用|!实用|不想要|不要了|不需要了|用不到|用不着|用不上|后悔|冲动|想退掉|家里有了|已经有了|家里还有|已经买了|在别处买了|别处买了|不合心意|不想买了|不买了|改主意|改变主意|反悔|感觉一般|一般般|没想象中|不值|!想要|!喜欢|!需要|~不满意|~不太满意|~不怎么样|~太贵|~想退|changed my mind|change of mind|no longer need*|no longer want*|don\'t need it|don\'t want it|do not need|do not want|didn\'t need|not needed|unwanted|didn\'t like it|regret|impulse buy|bought elsewhere|already have one|already bought|!like|!want|!need|不要喇|不要啦|不想要喇|不想要啦|~谂清楚|~想清楚|already got one|already has one|already had one|没必要|ended up buying|bought something else|found something else',
  NEGOTIATED:
    '商量的|商量过|和客服商量|跟客服商量|协商一致|协商退款|协商好|商量好|已协商|已经协商|跟客服协商|跟卖家协商|和卖家商量|客服同意|卖家同意|商家同意|客服让我申请|客服让我选|客服说选|让我选这个|按客服说的|agreed with the seller|seller agreed|as agreed|mutually agreed|per our conversation|已沟通|谈好|谈妥|倾妥|agreement|~agreed|~退一半|~说可以直接退|~说可以退|as discussed',
};

/**
 * Word families for the lexicon expansion (expand.ts): a written cue also matches with one or two
 * of its words replaced by a member of the word's family. `a/b/c`: every member stands for every
 * other; `a>b,c`: `a` also stands for `b` and `c` (one way, where the reverse would mislead: 折了 is
 * snapped, not discounted); `a+b+c`: the inflections of an English word, kept bare after an
 * auxiliary (doesn't fit). Hong Kong and Taiwan words, English inflections and spellings, synonyms.
 *
 * @example
 * ```ts
 * VARIANTS.includes('快递>速递'); // true: 快递太慢 also matches 速递太慢
 * ```
 */
export const VARIANTS =
  '跟/和/同/与|晚>迟|拍>按,点|剪>拆|我的车>我的手机,我的电脑|不一样/不同|快递>速递|质量>质素|喜欢>钟意,中意|好看>靓|小>细|掉>甩|破>爆|穿>着|挤>逼|下单>落单|说>讲|退款>退钱|发货>出货,寄出,ship|出货>发货|买>订,选|收到>收过|还没>仲未,仲没|还>仲|优惠券/优惠码/折扣码/折价券/代金券/抵用券/券|减>折,扣|降价>减价,劈价,跌价|商量>讨论,沟通,倾|写错/填错/打错/输错|漏>渗|盒>袋|送达>送到|退回>退返|动>郁|经常>成日|不匹配>对不上|' +
  "color/colour|break+breaks+broke+broken+breaking|tear+tears+tore+torn+tearing|rip+rips+ripped+ripping|crack+cracks+cracked+cracking|stop+stops+stopped|work+works+worked+working|arrive+arrives+arrived|come+comes+came|send+sends+sent|ship+ships+shipped|fit+fits+fitted|receive+receives+received|get+gets+got+gotten|say+says+said|smell+smells+smelled+smelt|leak+leaks+leaked+leaking|drop+drops+dropped|refuse+refuses+refused|reject+rejects+rejected|order+orders+ordered|look+looks+looked|run+runs+ran|show+shows+showed+shown|charge+charges+charged+charging|turn+turns+turned|fall+falls+fell+fallen|make+makes+made|need+needs+needed|want+wants+wanted|like+likes+liked|is+was|are+were|doesn't/didn't/don't/won't|isn't/wasn't/aren't/weren't|hasn't/haven't/hadn't|photo/photos/picture/pictures/pic/pics|package/parcel|ordered>picked,chose,selected|use>apply|coupon/coupon code/promo code/discount code/voucher code/voucher/promo|only>just,nothing but|conversation>chat,call,discussion|claims>cases|7 day/7-day/seven day/seven-day|where is>where's";

/**
 * Typing slips of the pinyin keyboard (expand.ts): a Chinese cue of three characters or more also
 * matches with one character replaced by a homophone people pick by mistake (地址填措, 质辆太差).
 *
 * @example
 * ```ts
 * TYPOS.includes('错>措'); // true: 地址填错 also matches 地址填措
 * ```
 */
export const TYPOS = '错>措|货>获,或|递>第|量>辆,亮|期>其|仿>防|保>报|胶>交|理>里|码>马|坏>怀|质>只';

/** Negators: they negate the nearest cue after them in the same clause (at most 4 characters or 3 words between). */
export const NEGATORS =
  '不|没|没有|无|未|非|并不|并没|并没有|并非|不是|并不是|不算|毫无|无法|从没|从来没|还没|还没有|尚未|不会|不能|不太|不怎么|不是很|谈不上|算不上|not|no|never|without|nor|neither|cannot|don\'t|dont|doesn\'t|doesnt|didn\'t|didnt|isn\'t|isnt|wasn\'t|wasnt|aren\'t|weren\'t|haven\'t|havent|hasn\'t|hasnt|hadn\'t|won\'t|wont|wouldn\'t|can\'t|cant|couldn\'t|shouldn\'t|ain\'t|no longer|nothing wrong with';

/** Look-alikes of negators that negate nothing (不小心 = accidentally, 没几天 = within days, 是不是 = a question). */
export const PSEUDO_NEGATIONS =
  '不小心|不错|不仅|不但|不管|不过|没想到|不得不|无理由|毫无疑问|没几天|没两天|没多久|没过多久|没过几天|不一会|不久|不到|没几次|没几下|没多少次|没用几|没穿几|没戴几|没洗几|没开几|没玩几|没骑几|没用多久|没穿多久|没戴多久|是不是|是否|有没有|能不能|可不可以|会不会|要不要|行不行|好不好|对不对|不停|不断|不少|不止|差不多|不一定|不然|要不然|不如|无论|无所谓|非常|除非|莫非|无语|不用谢|不客气|没事|没关系|没办法|不知道|不清楚|不懂|不好意思|not only|no doubt|not sure|no problem|no worries|not bad|no matter|no idea|不该|没关是';

/** Neutral words that contain a cue but are not one (退款没到账 is not a missing parcel, 没发票 not a late shipment): they win the place like a cue and name nothing. */
export const NEUTRAL =
  '倒霉|到账|没到账|还没到账|未到账|不到账|发票|没发票|没有发票|发现|没发现|发消息|发信息|没发消息|发图|发照片|发视频|发链接|没收到退款|退款没收到|钱没收到|没收到钱|时间太长|太长时间|太长了时间|收到退款|到期时间|有空的|空的时候';

/** Clause terminators besides punctuation: contrastive connectives close a negation's scope. */
export const TERMINATORS = '但是|但|不过|可是|然而|只是|就是|而是|结果|另外|还有|而且|并且|but|however|though|although|also|plus';

/** Negative evidence: the clause says the code's problem is absent (post-negation, praise). */
export const NEGATIVE_EVIDENCE: Readonly<Partial<Record<CueTarget, string>>> = {
  QUALITY_DEFECT:
    '质量没问题|质量没毛病|质量挺好|质量很好|质量不错|质量还行|质量还可以|质量可以|质量好|质量ok|品质很好|品质不错|东西是好的|东西很好|东西没问题|产品没问题|商品没问题|做工不错|做工很好|quality is fine|quality is good|quality is great|good quality|great quality|works fine|works well|works perfectly',
  DAMAGED_IN_TRANSIT:
    '包装完好|完好无损|外包装完好|包装很好|包装没问题|没坏|not damaged|no damage|arrived intact|arrived in perfect condition|arrived in good condition|undamaged',
  WRONG_ITEM: '没发错|没有发错|没寄错',
  SIZE_FIT: '尺码合适|尺码正好|尺码刚好|大小合适|大小正好|大小刚好|码数正好|尺码没问题|大小没问题|fits well|fits perfectly|fits fine|size is fine|size is right|size is perfect',
  COLOR_STYLE: '颜色很好看|颜色好看|颜色挺好看|颜色很正|颜色没问题|款式好看|款式很好看|款式不错|很好看|挺好看|looks great|looks nice|love the colour|love the style',
  LATE_SHIPMENT: '发货很快|发货挺快|发货快|发货速度快|shipped fast|shipped quickly',
  DELIVERY_DELAY: '物流很快|物流挺快|物流快|快递很快|快递挺快|快递快|到得很快|到货很快|到得挺快|arrived quickly|arrived fast|fast delivery|fast shipping|quick delivery',
  NOT_AS_DESCRIBED: '跟图片一样|跟描述一样|和描述一致|as described|as pictured|same as the picture',
  COUNTERFEIT: '是正品|正品没问题|确实是正品|is genuine|is authentic',
  MISSING_ITEM: '都齐了|配件齐全|东西都在|everything was there|all items received',
};

/**
 * Risk flags a text can raise, whatever its code: a threat (不退就差评, 投诉, 12315), a
 * repeat refunder, a used or worn item, a swapped return, a claim for punitive compensation, or a
 * health risk (an adverse reaction that needed a doctor: escalate).
 *
 * @example
 * ```ts
 * const flag: RiskFlag = 'threat';
 * ```
 */
export type RiskFlag = 'threat' | 'repeat' | 'used_item' | 'swap' | 'compensation_claim' | 'health';

/**
 * Every {@link RiskFlag}.
 *
 * @example
 * ```ts
 * RISK_FLAGS.includes('threat'); // true
 * ```
 */
export const RISK_FLAGS = /* @__PURE__ */ Object.freeze(['threat', 'repeat', 'used_item', 'swap', 'compensation_claim', 'health'] as const satisfies readonly RiskFlag[]);

/** Risk patterns per flag. */
export const RISKS: Readonly<Record<RiskFlag, string>> = {
  threat:
    '不退就|不退款就|不给退就|不给我退就|不处理就|不然就|否则|差评|中评|投诉|举报|曝光|12315|消协|消费者协会|工商|市场监管|找平台|平台介入|小二介入|申请介入|起诉|律师|法院|媒体|发微博|发抖音|小红书|bad review|negative review|1 star|one star|report you|chargeback|charge back|dispute|lawyer|sue you|bbb',
  repeat: '频繁退款|多次退款|反复退款|屡次退款|又退|又来退|第二次退|第三次退|每次都退|羊毛党|薅羊毛|serial returner|returns everything',
  used_item: '使用痕迹|吊牌已剪|吊牌剪了|吊牌被剪|剪了吊牌|吊牌没了|穿过|用过了|明显用过|使用过|洗过|影响二次销售|worn|used it|tags removed|tag removed|washed it',
  swap: '调包|掉包|退回的不是|寄回的不是|退回来的不是|寄回来的不是|非本店商品|不是本店的|不是我们家的|不是我们店的|退回空盒|寄回空盒|returned a different item|returned the wrong item|returned an empty box',
  compensation_claim: '退一赔三|假一赔三|三倍赔偿|十倍赔偿|赔偿|赔钱|compensation|compensate',
  health: '住院|医院|就医|看医生|看了医生|急诊|呼吸困难|doctor|hospital|emergency room',
};
